package io.tzurot.app.wiring;

import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.userdata.CharacterFiles;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.ReferenceCharacterFiles;
import io.tzurot.core.userdata.UserDataArchive;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.storage.portability.JdbiExportJobRepository;
import io.tzurot.storage.portability.JdbiUserErasure;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Builds the user-data use cases (whole-data export, erasure) over one database. */
public final class UserDataWiring {

    /** How each of the user's characters is written into the export. */
    static final CharacterFiles CHARACTER_FILES = new ReferenceCharacterFiles();

    private UserDataWiring() {
    }

    /**
     * The use cases over {@code repos}; exports are built on {@code executor}, erasures announced on {@code events}.
     */
    public static UserDataUseCases useCases(Repositories repos, EventBus events, Executor executor, Clock clock) {
        UserDataArchive archive = new UserDataArchive(new UserDataArchive.Sources(repos.users(), repos.personas(),
                repos.presets(), repos.personalities(), repos.memories(), repos.history(), repos.userPersonalityConfigs(),
                repos.apiKeys()), CHARACTER_FILES, clock);
        return new UserDataUseCases(
                new ExportingUserData(repos.users(), new JdbiExportJobRepository(repos.database()), archive, executor, clock),
                new ErasingUser(repos.users(), new JdbiUserErasure(repos.database()), events));
    }
}
