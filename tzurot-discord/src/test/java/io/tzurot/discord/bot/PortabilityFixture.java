package io.tzurot.discord.bot;

import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.ExportingCharacter;
import io.tzurot.core.card.ImportingCharacter;
import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.core.shapes.ShapesExport;
import io.tzurot.core.shapes.ShapesSource;
import io.tzurot.core.userdata.CardCharacterFiles;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.UserDataArchive;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.discord.portability.PortabilityServices;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.card.JdbiCardExtrasRepository;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.portability.JdbiExportJobRepository;
import io.tzurot.storage.portability.JdbiImportJobRepository;
import io.tzurot.storage.portability.JdbiUserErasure;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The portability use cases over a harness's database, wired as the app wires them. The app's avatar rule and
 * embedding model live in modules this one does not see: here an image is kept as sent, and the shapes.inc
 * source (no site to reach in these tests) says it cannot be reached.
 */
final class PortabilityFixture {

    private PortabilityFixture() {
    }

    static PortabilityServices services(BotHarness h, ManagementUseCases management) {
        var jdbi = h.database.jdbi();
        Clock clock = Clock.systemUTC();
        var codec = new FileCardCodec();
        var lorebooks = new JdbiLorebookRepository(jdbi, clock);
        var extras = new JdbiCardExtrasRepository(jdbi, clock);
        var transactions = new JdbiTransactions(jdbi);
        var importing = new ImportingCharacter(codec, management.creatingPersonality(), management.editingPersonality(),
                management.viewingPersonalities(), h.personalities, lorebooks, extras, image -> image, transactions);
        var exporting = new ExportingCharacter(codec, management.viewingPersonalities(), h.personalities,
                Optional.empty(), lorebooks, extras);
        CardUseCases cards = new CardUseCases(importing, exporting, new LorebookFiles(codec, lorebooks,
                management.viewingPersonalities(), transactions));
        var personas = new JdbiPersonaRepository(jdbi, clock);
        var memories = new JdbiMemoryRepository(h.database);
        var perCharacter = new JdbiUserPersonalityConfigRepository(jdbi, clock);
        UserDataArchive archive = new UserDataArchive(new UserDataArchive.Sources(h.users, personas,
                new JdbiPresetRepository(jdbi, clock), h.personalities, memories,
                new JdbiConversationHistoryRepository(h.database), perCharacter, new JdbiApiKeyRepository(jdbi, clock)),
                new CardCharacterFiles(codec, exporting, lorebooks), clock);
        UserDataUseCases userData = new UserDataUseCases(new ExportingUserData(h.users,
                new JdbiExportJobRepository(h.database), archive, Runnable::run, clock),
                new ErasingUser(h.users, new JdbiUserErasure(h.database), new InProcessEventBus()));
        ShapesSource unreachable = new ShapesSource() {
            @Override
            public ShapesExport fetch(String slug, String sessionCookie) {
                throw DomainException.unavailable(DomainError.Reason.PROVIDER_UNREACHABLE, "shapes.inc could not be reached.");
            }

            @Override
            public ShapesExport read(byte[] file) {
                throw DomainException.invalid("file", "The shapes.inc export could not be read.");
            }
        };
        EmbeddingModel embeddings = text -> new float[EmbeddingModel.DIMENSIONS];
        ImportingShapes shapes = new ImportingShapes(new ImportingShapes.Ports(unreachable, importing,
                management.creatingPersonality(), h.personalities, image -> image, memories, embeddings, h.users,
                new ResolvePersona(h.users, personas, perCharacter), new JdbiImportJobRepository(h.database),
                transactions, clock));
        return new PortabilityServices(cards, userData, Optional.of(shapes), Optional.of(BotHarness.PUBLIC_URL));
    }
}
