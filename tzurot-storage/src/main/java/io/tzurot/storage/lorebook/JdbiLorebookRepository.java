package io.tzurot.storage.lorebook;

import static io.tzurot.storage.db.Sql.now;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link LorebookRepository} on JDBI. Each call runs in a transaction, and joins the caller's when one is open
 * on this thread (an import writes the character, its avatar and its book as one).
 */
public final class JdbiLorebookRepository implements LorebookRepository {

    private static final String BOOK_COLUMNS = "id, owner_id, name, description, scan_depth, token_budget,"
            + " recursive_scanning, extensions, extra, created_at, updated_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiLorebookRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Lorebook create(UUID ownerId, LorebookContent content) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(content, "content");
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(h -> {
            Instant now = now(clock);
            bindBook(h.createUpdate("INSERT INTO lorebooks (" + BOOK_COLUMNS + ") VALUES (:id, :owner, :name, :description,"
                    + " :scanDepth, :tokenBudget, :recursive, :extensions, :extra, :now, :now)"), content)
                    .bind("id", id).bind("owner", ownerId).bind("now", now).execute();
            insertEntries(h, id, content.entries());
            return find(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<Lorebook> replace(UUID lorebookId, LorebookContent content) {
        Objects.requireNonNull(content, "content");
        return jdbi.inTransaction(h -> {
            int rows = bindBook(h.createUpdate("UPDATE lorebooks SET name = :name, description = :description,"
                    + " scan_depth = :scanDepth, token_budget = :tokenBudget, recursive_scanning = :recursive,"
                    + " extensions = :extensions, extra = :extra, updated_at = :now WHERE id = :id"), content)
                    .bind("id", lorebookId).bind("now", now(clock)).execute();
            if (rows == 0) {
                return Optional.empty();
            }
            h.createUpdate("DELETE FROM lorebook_entries WHERE lorebook_id = :id").bind("id", lorebookId).execute();
            insertEntries(h, lorebookId, content.entries());
            return find(h, lorebookId);
        });
    }

    @Override
    public Optional<Lorebook> find(UUID lorebookId) {
        return jdbi.inTransaction(h -> find(h, lorebookId));
    }

    @Override
    public List<LorebookSummary> listOwned(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT b.id, b.owner_id, b.name,"
                        + " (SELECT COUNT(*) FROM lorebook_entries e WHERE e.lorebook_id = b.id) AS entry_count"
                        + " FROM lorebooks b WHERE b.owner_id = :owner ORDER BY b.name, b.id")
                .bind("owner", ownerId)
                .map((rs, ctx) -> new LorebookSummary(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), rs.getString("name"),
                        rs.getInt("entry_count")))
                .list());
    }

    @Override
    public boolean delete(UUID lorebookId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM lorebooks WHERE id = :id").bind("id", lorebookId).execute()) > 0;
    }

    @Override
    public void attach(UUID personalityId, UUID lorebookId) {
        jdbi.useTransaction(h -> {
            boolean attached = h.createQuery("SELECT COUNT(*) FROM personality_lorebooks WHERE personality_id = :p"
                            + " AND lorebook_id = :b").bind("p", personalityId).bind("b", lorebookId)
                    .mapTo(Integer.class).one() > 0;
            if (!attached) {
                h.createUpdate("INSERT INTO personality_lorebooks (personality_id, lorebook_id, attached_at)"
                                + " VALUES (:p, :b, :now)")
                        .bind("p", personalityId).bind("b", lorebookId).bind("now", now(clock)).execute();
            }
        });
    }

    @Override
    public boolean detach(UUID personalityId, UUID lorebookId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM personality_lorebooks WHERE personality_id = :p"
                + " AND lorebook_id = :b").bind("p", personalityId).bind("b", lorebookId).execute()) > 0;
    }

    @Override
    public List<Lorebook> attachedTo(UUID personalityId) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT lorebook_id FROM personality_lorebooks WHERE personality_id = :p"
                        + " ORDER BY attached_at, lorebook_id").bind("p", personalityId).mapTo(UUID.class).list()
                .stream().map(id -> find(h, id).orElseThrow()).toList());
    }

    @Override
    public void attach(LoreTarget target, UUID lorebookId) {
        Objects.requireNonNull(target, "target");
        jdbi.useTransaction(h -> {
            boolean attached = h.createQuery("SELECT COUNT(*) FROM lorebook_attachments WHERE target_kind = :kind"
                            + " AND target_id = :target AND lorebook_id = :b")
                    .bind("kind", target.kind().wireName()).bind("target", target.id()).bind("b", lorebookId)
                    .mapTo(Integer.class).one() > 0;
            if (!attached) {
                boolean persona = target.kind() == LoreTarget.Kind.PERSONA; // its rows go when the persona does
                var insert = h.createUpdate("INSERT INTO lorebook_attachments (target_kind, target_id, lorebook_id,"
                                + (persona ? " persona_id," : "") + " attached_at) VALUES (:kind, :target, :b,"
                                + (persona ? " :persona," : "") + " :now)")
                        .bind("kind", target.kind().wireName()).bind("target", target.id()).bind("b", lorebookId);
                if (persona) {
                    insert.bind("persona", UUID.fromString(target.id()));
                }
                insert.bind("now", now(clock)).execute();
            }
        });
    }

    @Override
    public boolean detach(LoreTarget target, UUID lorebookId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM lorebook_attachments WHERE target_kind = :kind"
                        + " AND target_id = :target AND lorebook_id = :b")
                .bind("kind", target.kind().wireName()).bind("target", target.id()).bind("b", lorebookId)
                .execute()) > 0;
    }

    @Override
    public List<Lorebook> attachedTo(LoreTarget target) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT lorebook_id FROM lorebook_attachments"
                        + " WHERE target_kind = :kind AND target_id = :target ORDER BY attached_at, lorebook_id")
                .bind("kind", target.kind().wireName()).bind("target", target.id()).mapTo(UUID.class).list()
                .stream().map(id -> find(h, id).orElseThrow()).toList());
    }

    @Override
    public java.util.Optional<java.util.Set<String>> targetsWithBooks(LoreTarget.Kind kind) {
        java.util.Objects.requireNonNull(kind, "kind");
        return java.util.Optional.of(java.util.Set.copyOf(jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT target_id FROM lorebook_attachments WHERE target_kind = :kind")
                .bind("kind", kind.wireName()).mapTo(String.class).list())));
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindBook(T statement, LorebookContent c) {
        return statement.bind("name", c.name()).bind("description", c.description())
                .bind("scanDepth", c.scanDepth()).bind("tokenBudget", c.tokenBudget())
                .bind("recursive", c.recursiveScanning()).bind("extensions", c.extensionsJson())
                .bind("extra", c.extraJson());
    }

    private static void insertEntries(Handle h, UUID bookId, List<LorebookEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO lorebook_entries (lorebook_id, ordinal, entry_id, id_is_text,"
                + " primary_keys, secondary_keys, content, entry_comment, entry_name, enabled, constant_entry,"
                + " insertion_order, settings, extensions, extra) VALUES (:book, :ordinal, :entryId, :idIsText, :keys,"
                + " :secondaryKeys, :content, :comment, :name, :enabled, :constant, :insertionOrder, :settings,"
                + " :extensions, :extra)");
        for (int i = 0; i < entries.size(); i++) {
            LorebookEntry e = entries.get(i);
            batch.bind("book", bookId).bind("ordinal", i).bind("entryId", e.entryId()).bind("idIsText", e.idIsText())
                    .bind("keys", EntryColumns.keys(e.keys())).bind("secondaryKeys", EntryColumns.keys(e.secondaryKeys()))
                    .bind("content", e.content()).bind("comment", e.comment()).bind("name", e.name())
                    .bind("enabled", e.matching().enabled()).bind("constant", e.matching().constant())
                    .bind("insertionOrder", e.placement().insertionOrder()).bind("settings", EntryColumns.settings(e))
                    .bind("extensions", e.extensionsJson()).bind("extra", e.extraJson()).add();
        }
        batch.execute();
    }

    private static Optional<Lorebook> find(Handle h, UUID id) {
        return h.createQuery("SELECT " + BOOK_COLUMNS + " FROM lorebooks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> bookRow(rs)).findFirst()
                .map(row -> {
                    List<LorebookEntry> entries = h.createQuery("SELECT * FROM lorebook_entries WHERE lorebook_id = :id"
                            + " ORDER BY ordinal").bind("id", id).map((rs, ctx) -> entry(rs)).list();
                    LorebookContent c = row.content();
                    return new Lorebook(row.id(), row.ownerId(), new LorebookContent(c.name(), c.description(), c.scanDepth(),
                            c.tokenBudget(), c.recursiveScanning(), c.extensionsJson(), c.extraJson(), entries),
                            row.createdAt(), row.updatedAt());
                });
    }

    private static Lorebook bookRow(ResultSet rs) throws SQLException {
        Object recursive = rs.getObject("recursive_scanning");
        LorebookContent content = new LorebookContent(rs.getString("name"), rs.getString("description"),
                Sql.integer(rs, "scan_depth"), Sql.integer(rs, "token_budget"),
                recursive == null ? null : rs.getBoolean("recursive_scanning"), rs.getString("extensions"),
                rs.getString("extra"), List.of());
        return new Lorebook(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), content, Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static LorebookEntry entry(ResultSet rs) throws SQLException {
        EntryColumns.Settings s = EntryColumns.settings(rs.getString("settings"));
        return new LorebookEntry(rs.getString("entry_id"), rs.getBoolean("id_is_text"),
                EntryColumns.keys(rs.getString("primary_keys")), EntryColumns.keys(rs.getString("secondary_keys")),
                rs.getString("content"), rs.getString("entry_comment"), rs.getString("entry_name"), s.matching(),
                s.placement(), s.timing(), s.grouping(), s.recursion(), s.automationId(), s.characterFilterJson(),
                rs.getString("extensions"), rs.getString("extra"));
    }
}
