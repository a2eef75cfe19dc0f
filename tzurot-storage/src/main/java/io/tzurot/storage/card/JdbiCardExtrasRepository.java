package io.tzurot.storage.card;

import static io.tzurot.storage.db.Sql.now;

import io.tzurot.core.card.CardAsset;
import io.tzurot.core.card.CardExtras;
import io.tzurot.core.card.CardExtrasRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link CardExtrasRepository} on JDBI; joins the caller's transaction when one is open on this thread. */
public final class JdbiCardExtrasRepository implements CardExtrasRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiCardExtrasRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(CardExtras extras) {
        jdbi.useTransaction(h -> {
            UUID id = extras.personalityId();
            h.createUpdate("DELETE FROM personality_card_assets WHERE personality_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM personality_cards WHERE personality_id = :id").bind("id", id).execute();
            h.createUpdate("INSERT INTO personality_cards (personality_id, card_json, updated_at) VALUES (:id, :json, :now)")
                    .bind("id", id).bind("json", extras.cardJson()).bind("now", now(clock)).execute();
            if (!extras.assets().isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO personality_card_assets (personality_id, ordinal, path,"
                        + " content) VALUES (:id, :ordinal, :path, :content)");
                for (int i = 0; i < extras.assets().size(); i++) {
                    CardAsset a = extras.assets().get(i);
                    batch.bind("id", id).bind("ordinal", i).bind("path", a.path()).bind("content", a.content()).add();
                }
                batch.execute();
            }
        });
    }

    @Override
    public Optional<CardExtras> find(UUID personalityId) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT card_json FROM personality_cards WHERE personality_id = :id")
                .bind("id", personalityId).mapTo(String.class).findFirst()
                .map(json -> {
                    List<CardAsset> assets = h.createQuery("SELECT path, content FROM personality_card_assets"
                                    + " WHERE personality_id = :id ORDER BY ordinal").bind("id", personalityId)
                            .map((rs, ctx) -> new CardAsset(rs.getString("path"), rs.getBytes("content"))).list();
                    return new CardExtras(personalityId, json, assets);
                }));
    }
}
