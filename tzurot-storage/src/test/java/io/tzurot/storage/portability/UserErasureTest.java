package io.tzurot.storage.portability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.portability.ExportFormat;
import io.tzurot.core.portability.ImportType;
import io.tzurot.core.userdata.ErasureCounts;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.user.User;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Account erasure: after it, no row of any table (listed from the schema's information_schema, so a table
 * added later is checked too) holds an id of the erased user, their personas, presets or characters, while
 * another user's own data and the public character the erased user only talked to stay.
 */
class UserErasureTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseContract {

        // the operator's moderation record of a user is kept by design (see JdbiUserErasure)
        private static final Set<String> KEPT_BY_DESIGN = Set.of("denylisted_entities");

        private final Instant now = Instant.parse("2026-04-01T12:00:00Z");

        Contract(Dialect dialect) {
            super(dialect);
        }

        private float[] vector(int seed) {
            float[] v = new float[NewMemory.DIMENSIONS];
            v[seed % NewMemory.DIMENSIONS] = 1f;
            return v;
        }

        @Test
        void erasureLeavesNoRowThatReferencesTheUserAndKeepsOthersData() {
            Clock clock = Clock.systemUTC();
            var jdbi = database().jdbi();
            Fixtures fx = new Fixtures(jdbi, clock);
            User alice = fx.user("alice");
            User bob = fx.user("bob");
            Personality alicesChar = fx.personality(alice, "al-" + Fixtures.snowflake(), "Alicia", true);
            Personality bobsChar = fx.personality(bob, "bo-" + Fixtures.snowflake(), "Bobby", true);
            Preset alicesPreset = fx.preset(alice, "alice-" + Fixtures.snowflake(), "a/b", false);
            UUID alicePersona = alice.defaultPersonaId();
            UUID bobPersona = bob.defaultPersonaId();
            assertThat(alicePersona).isNotNull();
            UUID prompt = new JdbiSystemPromptRepository(jdbi, clock).save(alicesChar.slug() + "-system", "x",
                    "You are Alicia.", false).id();
            new JdbiPersonalityRepository(jdbi, clock).setSystemPrompt(alicesChar.id(), prompt);
            new JdbiPersonalityRepository(jdbi, clock).addCoOwner(bobsChar.id(), alice.id());
            var upc = new JdbiUserPersonalityConfigRepository(jdbi, clock);
            upc.setPresetOverride(alice.id(), bobsChar.id(), alicesPreset.id());
            upc.setPersonaOverride(alice.id(), bobsChar.id(), alicePersona);
            new JdbiApiKeyRepository(jdbi, clock).save(alice.id(), "openrouter", new EncryptedSecret("0".repeat(32), "ab",
                    "1".repeat(32)));

            JdbiMemoryRepository memories = new JdbiMemoryRepository(database());
            JdbiConversationHistoryRepository history = new JdbiConversationHistoryRepository(database());
            int n = 0;
            for (UUID persona : List.of(alicePersona, bobPersona)) {
                for (Personality p : List.of(alicesChar, bobsChar)) {
                    n++;
                    memories.insert(NewMemory.live(persona, p.id(), "memory " + n, vector(n), null, "900" + n, null,
                            now.minusSeconds(n)));
                    history.append(HistoryMessage.create("800" + n, null, p.id(), persona, HistoryRole.USER, "hi " + n,
                            3, List.of("7000" + n), "{}", now.minusSeconds(n)));
                }
            }
            jdbi.useHandle(h -> {
                h.createUpdate("INSERT INTO llm_diagnostic_logs (id, request_id, personality_id, user_id, model, provider, "
                                + "duration_ms, data) VALUES (:id, :r, :p, :u, 'a/b', 'openrouter', 5, :data)")
                        .bind("id", UUID.randomUUID()).bind("r", "req-" + UUID.randomUUID()).bind("p", bobsChar.id())
                        .bind("u", alice.discordId()).bindByType("data", new io.tzurot.storage.db.JsonText("{}"),
                                io.tzurot.storage.db.JsonText.class).execute();
                h.createUpdate("INSERT INTO conversation_history_tombstones (id, channel_id, personality_id, persona_id) "
                        + "VALUES (:id, '5', :p, :persona)").bind("id", UUID.randomUUID()).bind("p", bobsChar.id())
                        .bind("persona", alicePersona).execute();
                h.createUpdate("INSERT INTO usage_logs (id, user_id, provider, model, tokens_in, tokens_out, request_type) "
                        + "VALUES (:id, :u, 'openrouter', 'a/b', 1, 2, 'chat')").bind("id", UUID.randomUUID())
                        .bind("u", alice.id()).execute();
                h.createUpdate("INSERT INTO user_persona_history_configs (id, user_id, personality_id, persona_id) "
                        + "VALUES (:id, :u, :p, :persona)").bind("id", UUID.randomUUID()).bind("u", alice.id())
                        .bind("p", bobsChar.id()).bind("persona", alicePersona).execute();
                h.createUpdate("INSERT INTO channel_settings (id, channel_id, created_by) "
                        + "VALUES (:id, '4242', :u)").bind("id", UUID.randomUUID()).bind("u", alice.id()).execute();
                h.createUpdate("INSERT INTO channel_activations (channel_id, personality_id, activated_by) "
                        + "VALUES ('4242', :p, :u)").bind("p", bobsChar.id()).bind("u", alice.id()).execute();
                UUID book = UUID.randomUUID();
                h.createUpdate("INSERT INTO lorebooks (id, owner_id, name, extensions, extra, created_at, updated_at) "
                        + "VALUES (:id, :u, 'World', '{}', '{}', :at, :at)").bind("id", book).bind("u", alice.id())
                        .bind("at", now).execute();
                h.createUpdate("INSERT INTO personality_lorebooks (personality_id, lorebook_id, attached_at) VALUES (:p, :b, :at)")
                        .bind("p", alicesChar.id()).bind("b", book).bind("at", now).execute();
                h.createUpdate("INSERT INTO web_channels (id, owner_id, created_at) VALUES ('9' || :suffix, :u, :at)")
                        .bind("suffix", Fixtures.snowflake().substring(0, 10)).bind("u", alice.id()).bind("at", now).execute();
            });
            new JdbiImportJobRepository(database()).begin(alice.id(), "some-shape", "shapes_inc", ImportType.FULL, now);
            new JdbiExportJobRepository(database()).begin(alice.id(), "user-data", "tzurot", ExportFormat.ZIP,
                    now.plusSeconds(60), now);

            List<String> needles = new ArrayList<>(List.of(alice.id().toString(), alice.discordId(),
                    alicePersona.toString(), alicesChar.id().toString(), alicesPreset.id().toString()));
            Map<String, Long> before = references(needles);
            // the scan sees the user's rows in most tables, so it would see them after erasure too
            assertThat(before.keySet()).contains("users", "personas", "personalities", "llm_configs", "memories",
                    "conversation_history", "user_api_keys", "usage_logs", "llm_diagnostic_logs", "export_jobs",
                    "import_jobs", "web_channels", "channel_settings", "user_personality_configs", "personality_owners",
                    "memory_versions", "conversation_history_tombstones", "user_persona_history_configs", "lorebooks",
                    "personality_lorebooks");

            JdbiUserErasure erasure = new JdbiUserErasure(database());
            ErasureCounts preview = erasure.count(alice.id());
            assertThat(preview).isEqualTo(new ErasureCounts(1, 1, 1, 2, 2, 1, 1));
            assertThat(erasure.erase(alice.id())).isEqualTo(preview);

            assertThat(references(needles)).isEmpty();
            // bob's own data stays: his character, his persona, his memory and message with his character
            assertThat(new JdbiPersonalityRepository(jdbi, clock).findById(bobsChar.id())).isPresent();
            assertThat(new JdbiPersonaRepository(jdbi, clock).findById(bobPersona)).isPresent();
            assertThat(memories.list(bobPersona, java.util.Optional.empty(), 0, 10).items())
                    .extracting(m -> m.personalityId()).containsExactly(bobsChar.id());
            assertThat(history.listOfPersona(bobPersona, 0, 10)).extracting(HistoryMessage::personalityId)
                    .containsExactly(bobsChar.id());
            // the system prompt only alice's character used is gone
            int prompts = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM system_prompts WHERE id = :id")
                    .bind("id", prompt).mapTo(Integer.class).one());
            assertThat(prompts).isZero();
            // erasing again finds nothing
            assertThat(erasure.erase(alice.id())).isEqualTo(new ErasureCounts(0, 0, 0, 0, 0, 0, 0));
        }

        /** Tables (from information_schema) with how many rows hold any of {@code needles} in a text-like column. */
        private Map<String, Long> references(List<String> needles) {
            return database().jdbi().withHandle(h -> {
                Map<String, Long> found = new TreeMap<>();
                for (String table : tables(h)) {
                    if (KEPT_BY_DESIGN.contains(table)) {
                        continue;
                    }
                    List<String> columns = textColumns(h, table);
                    if (columns.isEmpty()) {
                        continue;
                    }
                    StringBuilder where = new StringBuilder();
                    for (String c : columns) {
                        for (int i = 0; i < needles.size(); i++) {
                            where.append(where.length() == 0 ? "" : " OR ").append("CAST(").append(c)
                                    .append(" AS VARCHAR(100000)) LIKE :n").append(i);
                        }
                    }
                    var q = h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where);
                    for (int i = 0; i < needles.size(); i++) {
                        q.bind("n" + i, "%" + needles.get(i) + "%");
                    }
                    long count = q.mapTo(Long.class).one();
                    if (count > 0) {
                        found.put(table, count);
                    }
                }
                return found;
            });
        }

        private List<String> tables(Handle h) {
            return h.createQuery("SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = "
                            + "LOWER(CURRENT_SCHEMA) AND table_type IN ('BASE TABLE', 'TABLE') "
                            + "AND LOWER(table_name) NOT LIKE 'flyway%' ORDER BY 1")
                    .mapTo(String.class).list();
        }

        /** Columns that can hold an id as text: character, uuid, json and array columns (not numbers, times, vectors or bytes). */
        private List<String> textColumns(Handle h, String table) {
            List<String> out = new ArrayList<>();
            h.createQuery("SELECT LOWER(column_name) AS c, UPPER(data_type) AS t FROM information_schema.columns "
                            + "WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = :t")
                    .bind("t", table)
                    .map((rs, ctx) -> Map.entry(rs.getString("c"), rs.getString("t")))
                    .forEach(e -> {
                        String type = e.getValue().toUpperCase(Locale.ROOT);
                        boolean texty = type.contains("CHAR") || type.contains("TEXT") || type.contains("UUID")
                                || type.contains("JSON") || type.contains("CLOB") || type.contains("CHARACTER LARGE")
                                || type.equals("ARRAY") && !e.getKey().equals("embedding");
                        if (texty) {
                            out.add(e.getKey());
                        }
                    });
            return out;
        }
    }
}
