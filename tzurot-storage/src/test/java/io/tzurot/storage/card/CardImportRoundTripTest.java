package io.tzurot.storage.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.ExportedFile;
import io.tzurot.core.card.ExportingCharacter;
import io.tzurot.core.card.ImportedCharacter;
import io.tzurot.core.card.ImportingCharacter;
import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.card.LorebookFormat;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.personality.CreatingPersonality;
import io.tzurot.core.personality.EditingPersonality;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Import → export → import over cards this project writes (V1, V2, V3; PNG, JSON, CHARX; with and without
 * lorebooks; Unicode names; large descriptions), through the real use cases on H2 and PostgreSQL.
 */
class CardImportRoundTripTest {

    @Nested
    class OnH2 extends RoundTripContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends RoundTripContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    static List<Arguments> cards() {
        String large = ("A long and winding description with ünïcødé, 日本語 and emoji 🐉. ").repeat(60).strip();
        return List.of(
                Arguments.of("v1-json", Cards.json(Cards.v1("Ada Lovelace", "A mathematician.")), 0),
                Arguments.of("v1-png", Cards.png("chara", Cards.v1("Zoë 🐉", "Dragon keeper.")), 0),
                Arguments.of("v2-json-book", Cards.json(Cards.v2("Bob", "Plain.", 12)), 12),
                Arguments.of("v2-png-book", Cards.png("chara", Cards.v2("名前のキャラ", large, 30)), 30),
                Arguments.of("v2-png-nobook", Cards.png("chara", Cards.v2("Nobook", "x", 0)), 0),
                Arguments.of("v3-json", Cards.json(Cards.v3("Émile", large, 0)), 0),
                Arguments.of("v3-png-book", Cards.png("ccv3", Cards.v3("Cara", "d", 5)), 5),
                Arguments.of("v3-charx-book", Cards.charx(Cards.v3("Zippy", "d", 7)), 7),
                Arguments.of("v3-charx-nobook", Cards.charx(Cards.v3("Zappy", large, 0)), 0));
    }

    abstract static class RoundTripContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private final FileCardCodec codec = new FileCardCodec();
        private JdbiPersonalityRepository personalities;
        private JdbiLorebookRepository lorebooks;
        private ImportingCharacter importing;
        private ExportingCharacter exporting;
        private LorebookFiles lorebookFiles;
        private Fixtures fixtures;
        private ViewingPersonalities viewing;
        private JdbiSystemPromptRepository prompts;
        private JdbiCardExtrasRepository extras;

        RoundTripContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            var jdbi = database().jdbi();
            personalities = new JdbiPersonalityRepository(jdbi, clock);
            lorebooks = new JdbiLorebookRepository(jdbi, clock);
            prompts = new JdbiSystemPromptRepository(jdbi, clock);
            extras = new JdbiCardExtrasRepository(jdbi, clock);
            viewing = new ViewingPersonalities(personalities);
            importing = importing(lorebooks);
            exporting = new ExportingCharacter(codec, viewing, personalities, Optional.of(prompts), lorebooks, extras);
            lorebookFiles = new LorebookFiles(codec, lorebooks, viewing, new JdbiTransactions(jdbi));
            fixtures = new Fixtures(jdbi, clock);
        }

        private ImportingCharacter importing(LorebookRepository books) {
            return new ImportingCharacter(codec, new CreatingPersonality(personalities, Optional.of(prompts)),
                    new EditingPersonality(personalities), viewing, personalities, books, extras, image -> image,
                    new JdbiTransactions(database().jdbi()));
        }

        /** The bytes as text a person can compare: card chunks decoded, zip entries listed. */
        private static String readable(byte[] bytes) {
            if (PngChunks.isPng(bytes)) {
                StringBuilder out = new StringBuilder();
                for (PngChunks.Chunk c : PngChunks.read(bytes)) {
                    out.append(c.type()).append(' ').append(c.data().length).append('\n');
                }
                PngChunks.cardText(PngChunks.read(bytes), "chara").ifPresent(t -> out.append(new String(t, StandardCharsets.UTF_8)));
                PngChunks.cardText(PngChunks.read(bytes), "ccv3").ifPresent(t -> out.append(new String(t, StandardCharsets.UTF_8)));
                return out.toString();
            }
            if (CharxArchive.isZip(bytes)) {
                StringBuilder out = new StringBuilder();
                CharxArchive.read(bytes).forEach((k, v) -> out.append(k).append(' ').append(v.length).append('\n')
                        .append(k.endsWith(".json") ? new String(v, StandardCharsets.UTF_8) : ""));
                return out.toString();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private Actor actor(User u) {
            return new Actor(u.id(), u.discordId(), false);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.tzurot.storage.card.CardImportRoundTripTest#cards")
        void importExportImportGivesAnIdenticalCard(String label, byte[] file, int entries) {
            User owner = fixtures.user("rt-" + label);
            Actor a = actor(owner);
            ImportedCharacter first = importing.importFile(a, label, file);
            assertThat(first.lorebookEntries()).isEqualTo(entries);
            for (CharacterExportFormat format : List.of(CharacterExportFormat.CARD_JSON, CharacterExportFormat.CARD_PNG,
                    CharacterExportFormat.CHARX)) {
                ExportedFile once = exporting.export(a, first.personality().slug(), format);
                ImportedCharacter second = importing.importFile(a, once.fileName(), once.bytes());
                ExportedFile twice = exporting.export(a, second.personality().slug(), format);
                assertThat(readable(twice.bytes())).as(label + " " + format).isEqualTo(readable(once.bytes()));
                assertThat(twice.bytes()).as(label + " " + format).isEqualTo(once.bytes());
                assertThat(second.lorebookEntries()).isEqualTo(entries);
                Personality p1 = first.personality();
                Personality p2 = second.personality();
                assertThat(p2.name()).isEqualTo(p1.name());
                assertThat(p2.characterInfo()).isEqualTo(p1.characterInfo());
                assertThat(p2.personalityTraits()).isEqualTo(p1.personalityTraits());
                assertThat(p2.conversationalExamples()).isEqualTo(p1.conversationalExamples());
                assertThat(lorebooks.attachedTo(p2.id()).stream().findFirst().map(Lorebook::content).map(LorebookContent::entries))
                        .isEqualTo(lorebooks.attachedTo(p1.id()).stream().findFirst().map(Lorebook::content)
                                .map(LorebookContent::entries));
            }
        }

        @Test
        void nothingTheCardHadIsLost() {
            User owner = fixtures.user("keeper");
            Actor a = actor(owner);
            ObjectNode source = Cards.v3("Keeper", "Keeps things.", 4);
            ImportedCharacter imported = importing.importFile(a, "k.json", Cards.json(source));
            JsonNode out = Json.parse(exporting.export(a, imported.personality().slug(), CharacterExportFormat.CARD_JSON)
                    .bytes(), "out");
            JsonNode sd = Json.parse(Cards.json(source), "source").get("data");
            JsonNode od = out.get("data");
            sd.fieldNames().forEachRemaining(f -> {
                if (!f.equals("character_book")) {
                    assertThat(od.get(f)).as(f).isEqualTo(sd.get(f));
                }
            });
            JsonNode sb = sd.get("character_book");
            JsonNode ob = od.get("character_book");
            for (int i = 0; i < sb.get("entries").size(); i++) {
                JsonNode se = sb.get("entries").get(i);
                JsonNode oe = ob.get("entries").get(i);
                se.fieldNames().forEachRemaining(f -> assertThat(oe.get(f)).as("entry " + f).isEqualTo(se.get(f)));
            }
            assertThat(ob.get("scan_depth")).isEqualTo(sb.get("scan_depth"));
            assertThat(ob.get("extensions")).isEqualTo(sb.get("extensions"));
        }

        @Test
        void anEditShowsInTheExportAndTzurotFieldsTravelInExtensions() {
            User owner = fixtures.user("editor");
            Actor a = actor(owner);
            ObjectNode st = Cards.v2("Edith", "Before.", 0);
            st.put("description", "Before."); // SillyTavern's top-level copy
            ImportedCharacter imported = importing.importFile(a, "e.json", Cards.json(st));
            new EditingPersonality(personalities).edit(a, imported.personality().slug(),
                    in -> in.with("characterInfo", "After.").with("tone", "dry"));
            JsonNode out = Json.parse(exporting.export(a, imported.personality().slug(), CharacterExportFormat.CARD_JSON)
                    .bytes(), "out");
            assertThat(out.get("data").get("description").asText()).isEqualTo("After.");
            assertThat(out.get("data").get("extensions").get("tzurot").get("tone").asText()).isEqualTo("dry");
            assertThat(out.get("description").asText()).isEqualTo("After."); // the V1 mirror follows
            ImportedCharacter again = importing.importFile(a, "again.json", Json.pretty(out));
            assertThat(again.personality().tone()).isEqualTo("dry");
        }

        @Test
        void theReferenceJsonRoundTripsWithItsAvatar() {
            User owner = fixtures.user("referee");
            Actor a = actor(owner);
            Personality p = fixtures.personality(owner, "ref-" + UUID.randomUUID().toString().substring(0, 8), "Refa", true);
            personalities.setAvatar(p.id(), PngChunks.placeholder());
            ExportedFile json = exporting.export(a, p.slug(), CharacterExportFormat.TZUROT);
            String text = new String(json.bytes(), StandardCharsets.UTF_8);
            assertThat(text.indexOf("\"name\"")).isLessThan(text.indexOf("\"slug\""));
            assertThat(text.indexOf("\"slug\"")).isLessThan(text.indexOf("\"isPublic\""));
            assertThat(text.indexOf("\"isPublic\"")).isLessThan(text.indexOf("\"characterInfo\""));
            // the owner re-importing updates the same character
            ImportedCharacter back = importing.importFile(a, "r.json", json.bytes());
            assertThat(back.personality().id()).isEqualTo(p.id());
            // someone else gets a copy under a free slug
            User other = fixtures.user("copier");
            ImportedCharacter copy = importing.importFile(actor(other), "r.json", json.bytes());
            assertThat(copy.personality().slug()).isEqualTo(p.slug() + "-2");
            assertThat(personalities.avatar(copy.personality().id())).get().isEqualTo(PngChunks.placeholder());
            assertThat(exporting.export(actor(other), copy.personality().slug(), CharacterExportFormat.TZUROT).bytes())
                    .isNotEmpty();
        }

        @Test
        void onlyThoseWhoMayEditMayExport() {
            User owner = fixtures.user("exp-owner");
            User stranger = fixtures.user("exp-stranger");
            Personality pub = fixtures.personality(owner, "pub-" + UUID.randomUUID().toString().substring(0, 8), "Pub", true);
            Personality priv = fixtures.personality(owner, "priv-" + UUID.randomUUID().toString().substring(0, 8), "Priv", false);
            assertThatThrownBy(() -> exporting.export(actor(stranger), pub.slug(), CharacterExportFormat.CARD_JSON))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isInstanceOf(DomainError.Forbidden.class));
            assertThatThrownBy(() -> exporting.export(actor(stranger), priv.slug(), CharacterExportFormat.CARD_JSON))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isInstanceOf(DomainError.NotFound.class));
            User boss = fixtures.botOwner("exp-boss");
            assertThat(exporting.export(new Actor(boss.id(), boss.discordId(), true), priv.slug(),
                    CharacterExportFormat.CARD_PNG).bytes()).isNotEmpty();
        }

        @Test
        void aFailureAfterTheCharacterIsWrittenLeavesNothing() {
            User owner = fixtures.user("atomic");
            Actor a = actor(owner);
            LorebookRepository failing = new LorebookRepository() {
                @Override
                public Lorebook create(UUID ownerId, LorebookContent content) {
                    lorebooks.create(ownerId, content);
                    throw new IllegalStateException("disk full");
                }

                @Override
                public Optional<Lorebook> replace(UUID id, LorebookContent content) {
                    return lorebooks.replace(id, content);
                }

                @Override
                public Optional<Lorebook> find(UUID id) {
                    return lorebooks.find(id);
                }

                @Override
                public List<LorebookSummary> listOwned(UUID ownerId) {
                    return lorebooks.listOwned(ownerId);
                }

                @Override
                public boolean delete(UUID id) {
                    return lorebooks.delete(id);
                }

                @Override
                public void attach(UUID p, UUID b) {
                    lorebooks.attach(p, b);
                }

                @Override
                public boolean detach(UUID p, UUID b) {
                    return lorebooks.detach(p, b);
                }

                @Override
                public List<Lorebook> attachedTo(UUID p) {
                    return lorebooks.attachedTo(p);
                }

                @Override
                public void attach(io.tzurot.core.lorebook.LoreTarget t, UUID b) {
                    lorebooks.attach(t, b);
                }

                @Override
                public boolean detach(io.tzurot.core.lorebook.LoreTarget t, UUID b) {
                    return lorebooks.detach(t, b);
                }

                @Override
                public List<Lorebook> attachedTo(io.tzurot.core.lorebook.LoreTarget t) {
                    return lorebooks.attachedTo(t);
                }
            };
            assertThatThrownBy(() -> importing(failing).importFile(a, "x.png", Cards.png("chara", Cards.v2("Halfway", "d", 3))))
                    .hasMessageContaining("disk full");
            assertThat(personalities.listVisible(new io.tzurot.core.personality.Viewer(owner.id(), false)))
                    .extracting(Personality::name).doesNotContain("Halfway");
            assertThat(lorebooks.listOwned(owner.id())).isEmpty();
        }

        @Test
        void brokenFilesAreAClearInvalidFileError() {
            User owner = fixtures.user("breaker");
            byte[] png = Cards.png("chara", Cards.v2("Broken", "d", 0));
            png[png.length - 20] ^= 1;
            assertThatThrownBy(() -> importing.importFile(actor(owner), "b.png", png))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
                        assertThat(e.error().field()).isEqualTo("file");
                        assertThat(e.getMessage()).contains("bad CRC");
                    });
            ObjectNode tooLong = Cards.v2("Wordy", "x".repeat(4001), 0);
            assertThatThrownBy(() -> importing.importFile(actor(owner), "w.json", Cards.json(tooLong)))
                    .hasMessageContaining("data.description");
            assertThat(lorebooks.listOwned(owner.id())).isEmpty();
        }

        @Test
        void standaloneLorebooksImportExportAndAttach() {
            User owner = fixtures.user("librarian");
            Actor a = actor(owner);
            byte[] world = codec.writeLorebook(codec.readLorebook("b.json", Json.pretty(Cards.book(9))), LorebookFormat.WORLD_INFO);
            Personality p = fixtures.personality(owner, "lib-" + UUID.randomUUID().toString().substring(0, 8), "Lib", false);
            Lorebook book = lorebookFiles.importFile(a, "My World.json", world, null, Optional.of(p.slug()));
            assertThat(book.name()).isEqualTo("Lore");
            assertThat(book.content().entries()).hasSize(9);
            assertThat(lorebooks.attachedTo(p.id())).extracting(Lorebook::id).containsExactly(book.id());
            assertThat(new String(lorebookFiles.export(a, book.id(), LorebookFormat.WORLD_INFO).bytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(world, StandardCharsets.UTF_8));
            User other = fixtures.user("snoop");
            assertThatThrownBy(() -> lorebookFiles.export(actor(other), book.id(), LorebookFormat.WORLD_INFO))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isInstanceOf(DomainError.NotFound.class));
        }
    }
}
