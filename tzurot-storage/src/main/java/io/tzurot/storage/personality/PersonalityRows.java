package io.tzurot.storage.personality;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.Viewer;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Column list, row mapper, draft binding and the access filter shared by the personality queries. */
final class PersonalityRows {

    /** Every column the record needs; the avatar and settings tier are read on demand. */
    static final String COLUMNS = "p.id, p.name, p.display_name, p.slug, p.system_prompt_id, p.owner_id, p.character_info,"
            + " p.personality_traits, p.personality_tone, p.personality_age, p.personality_appearance, p.personality_likes,"
            + " p.personality_dislikes, p.conversational_goals, p.conversational_examples, p.error_message, p.is_public,"
            + " p.created_at, p.updated_at";

    /** Public OR owner OR co-owner OR bot owner; binds {@code :viewer} and {@code :botOwner}. */
    static final String CAN_VIEW = "(p.is_public = TRUE OR p.owner_id = :viewer OR :botOwner = TRUE"
            + " OR EXISTS (SELECT 1 FROM personality_owners o WHERE o.personality_id = p.id AND o.user_id = :viewer))";

    /** Owner OR co-owner OR bot owner. */
    static final String CAN_EDIT = "(p.owner_id = :viewer OR :botOwner = TRUE"
            + " OR EXISTS (SELECT 1 FROM personality_owners o WHERE o.personality_id = p.id AND o.user_id = :viewer))";

    /** Matches no user, standing in for an anonymous viewer so the filter needs no NULL handling. */
    private static final UUID NOBODY = new UUID(0L, 0L);

    static final RowMapper<Personality> MAPPER = (rs, ctx) -> new Personality(uuid(rs, "id"), rs.getString("name"),
            rs.getString("display_name"), rs.getString("slug"), uuid(rs, "system_prompt_id"), uuid(rs, "owner_id"),
            rs.getString("character_info"), rs.getString("personality_traits"), rs.getString("personality_tone"),
            rs.getString("personality_age"), rs.getString("personality_appearance"), rs.getString("personality_likes"),
            rs.getString("personality_dislikes"), rs.getString("conversational_goals"),
            rs.getString("conversational_examples"), rs.getString("error_message"), rs.getBoolean("is_public"),
            instant(rs, "created_at"), instant(rs, "updated_at"));

    private PersonalityRows() {
    }

    static <S extends SqlStatement<S>> S bindViewer(S statement, Viewer viewer) {
        return statement.bind("viewer", viewer.userId() == null ? NOBODY : viewer.userId()).bind("botOwner", viewer.botOwner());
    }

    static <S extends SqlStatement<S>> S bindDraft(S statement, PersonalityDraft d) {
        return statement.bind("name", d.name()).bind("displayName", d.displayName()).bind("slug", d.slug())
                .bind("characterInfo", d.characterInfo()).bind("traits", d.personalityTraits()).bind("tone", d.tone())
                .bind("age", d.age()).bind("appearance", d.appearance()).bind("likes", d.likes())
                .bind("dislikes", d.dislikes()).bind("goals", d.conversationalGoals())
                .bind("examples", d.conversationalExamples()).bind("errorMessage", d.errorMessage())
                .bind("isPublic", d.isPublic());
    }
}
