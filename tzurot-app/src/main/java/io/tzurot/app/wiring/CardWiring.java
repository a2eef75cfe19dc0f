package io.tzurot.app.wiring;

import io.tzurot.core.card.AvatarPreparer;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.ExportingCharacter;
import io.tzurot.core.card.ImportingCharacter;
import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.card.Transactions;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.card.JdbiCardExtrasRepository;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.core.avatar.AvatarImages;
import java.time.Clock;
import java.util.Optional;

/** Builds the card and lorebook use cases (import, export, standalone lorebooks) every face calls. */
public final class CardWiring {

    private CardWiring() {
    }

    /** The same avatar rule as an upload: checked, scaled to 512 px, re-encoded. */
    static AvatarPreparer avatars() {
        return image -> {
            try {
                return AvatarImages.SHARED.prepare("file", image);
            } catch (DomainException e) {
                if (e.error() instanceof DomainError.InvalidField) {
                    throw DomainException.invalid("file", "The card's image: " + e.getMessage());
                }
                throw e;
            }
        };
    }

    /** The use cases over {@code repos}; personalities are created through {@code management}'s rules. */
    public static CardUseCases useCases(Repositories repos, ManagementUseCases management, Clock clock) {
        var jdbi = repos.database().jdbi();
        var lorebooks = repos.lorebooks();
        var extras = new JdbiCardExtrasRepository(jdbi, clock);
        var codec = new FileCardCodec();
        Transactions transactions = new JdbiTransactions(jdbi);
        AvatarPreparer avatars = avatars();
        var importing = new ImportingCharacter(codec, management.creatingPersonality(), management.editingPersonality(),
                management.viewingPersonalities(), repos.personalities(), lorebooks, extras, avatars, transactions);
        var exporting = new ExportingCharacter(codec, management.viewingPersonalities(), repos.personalities(),
                Optional.of(repos.systemPrompts()), lorebooks, extras);
        return new CardUseCases(importing, exporting,
                new LorebookFiles(codec, lorebooks, management.viewingPersonalities(), transactions));
    }
}
