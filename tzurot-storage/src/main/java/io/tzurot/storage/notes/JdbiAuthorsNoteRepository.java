package io.tzurot.storage.notes;

import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.AuthorsNoteRepository;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link AuthorsNoteRepository} over JDBI: one row per owner, keyed by {@link NoteScope#key()}. */
public final class JdbiAuthorsNoteRepository implements AuthorsNoteRepository {

    private static final String COLUMNS = "scope_key, scope, personality_id, channel_id, user_id, content, depth, role,"
            + " frequency, updated_at";

    private final Jdbi jdbi;

    public JdbiAuthorsNoteRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<AuthorsNote> find(NoteScope scope) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM authors_notes WHERE scope_key = :k")
                .bind("k", scope.key()).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public void save(AuthorsNote note, UUID updatedBy) {
        NoteScope s = note.scope();
        UUID personality = s instanceof NoteScope.Character c ? c.personalityId()
                : s instanceof NoteScope.User u ? u.personalityId().orElse(null) : null;
        String channel = s instanceof NoteScope.Channel c ? c.channelId() : null;
        UUID user = s instanceof NoteScope.User u ? u.userId() : null;
        var at = note.updatedAt().truncatedTo(ChronoUnit.MILLIS);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE authors_notes SET content = :content, depth = :depth, role = :role,"
                            + " frequency = :frequency, updated_by = :by, updated_at = :at WHERE scope_key = :k")
                    .bind("content", note.content()).bind("depth", note.depth()).bind("role", note.role().wireName())
                    .bind("frequency", note.frequency()).bind("by", Sql.nullableUuid(updatedBy)).bind("at", at)
                    .bind("k", s.key()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO authors_notes (scope_key, scope, personality_id, channel_id, user_id, content,"
                                + " depth, role, frequency, updated_by, created_at, updated_at) VALUES (:k, :scope, :p, :c,"
                                + " :u, :content, :depth, :role, :frequency, :by, :at, :at)")
                        .bind("k", s.key()).bind("scope", s.kind()).bind("p", Sql.nullableUuid(personality))
                        .bind("c", channel).bind("u", Sql.nullableUuid(user)).bind("content", note.content())
                        .bind("depth", note.depth()).bind("role", note.role().wireName())
                        .bind("frequency", note.frequency()).bind("by", Sql.nullableUuid(updatedBy)).bind("at", at)
                        .execute();
            }
        });
    }

    @Override
    public boolean delete(NoteScope scope) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM authors_notes WHERE scope_key = :k")
                .bind("k", scope.key()).execute()) > 0;
    }

    @Override
    public List<AuthorsNote> candidates(UUID personalityId, List<String> channelIds, UUID userId) {
        List<String> keys = new ArrayList<>();
        keys.add(new NoteScope.Character(personalityId).key());
        channelIds.forEach(c -> keys.add(new NoteScope.Channel(c).key()));
        keys.add(new NoteScope.User(userId, Optional.of(personalityId)).key());
        keys.add(new NoteScope.User(userId, Optional.empty()).key());
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM authors_notes WHERE scope_key IN (<keys>)")
                .bindList("keys", keys).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Optional<java.util.Set<String>> channelsWithNotes() {
        return Sql.fewIds(jdbi, "SELECT channel_id FROM authors_notes WHERE scope = 'channel'");
    }

    @Override
    public List<AuthorsNote> ofUser(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM authors_notes WHERE user_id = :u"
                        + " ORDER BY scope_key").bind("u", userId).map((rs, ctx) -> row(rs)).list());
    }

    private static AuthorsNote row(ResultSet rs) throws SQLException {
        String kind = rs.getString("scope");
        NoteScope scope = switch (kind) {
            case "character" -> new NoteScope.Character(Sql.uuid(rs, "personality_id"));
            case "channel" -> new NoteScope.Channel(rs.getString("channel_id"));
            default -> new NoteScope.User(Sql.uuid(rs, "user_id"), Optional.ofNullable(Sql.uuid(rs, "personality_id")));
        };
        return new AuthorsNote(scope, rs.getString("content"), rs.getInt("depth"), NoteRole.parse(rs.getString("role")),
                rs.getInt("frequency"), Sql.instant(rs, "updated_at"));
    }
}
