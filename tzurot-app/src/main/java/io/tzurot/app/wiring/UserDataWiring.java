package io.tzurot.app.wiring;

import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.userdata.CharacterFiles;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.CardCharacterFiles;
import io.tzurot.core.userdata.UserDataArchive;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.portability.JdbiExportJobRepository;
import io.tzurot.storage.portability.JdbiUserErasure;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Builds the user-data use cases (whole-data export, erasure) over one database. */
public final class UserDataWiring {

    private UserDataWiring() {
    }

    /**
     * The use cases over {@code repos}; exports are built on {@code executor}, erasures announced on {@code events}.
     * Characters are written in both forms (the reference's JSON and SillyTavern cards) with their lorebooks,
     * through {@code cards}.
     */
    public static UserDataUseCases useCases(Repositories repos, CardUseCases cards, EventBus events, Executor executor,
                                            Clock clock) {
        CharacterFiles characterFiles = new CardCharacterFiles(new FileCardCodec(), cards.exporting(),
                repos.lorebooks());
        UserDataArchive archive = new UserDataArchive(new UserDataArchive.Sources(repos.users(), repos.personas(),
                repos.presets(), repos.personalities(), repos.memories(), repos.history(), repos.userPersonalityConfigs(),
                repos.apiKeys(), java.util.Optional.of(repos.authorsNotes()),
                java.util.Optional.of(repos.userPrompts())), characterFiles, clock);
        return new UserDataUseCases(
                new ExportingUserData(repos.users(), new JdbiExportJobRepository(repos.database()), archive, executor, clock),
                new ErasingUser(repos.users(), new JdbiUserErasure(repos.database()), events));
    }
}
