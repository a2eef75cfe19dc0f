package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LoreTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import io.tzurot.core.prompt.TokenCounter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * Use case: the lore of one reply. Scans the books attached to the character, to the speaker's persona, to the
 * channel and to everything (in that order of precedence, each book once) against the conversation, with the
 * timed-effect state of the scope (a channel with that character), and stores the state the turn leaves.
 */
public final class ActivatingLore {

    private final LorebookRepository books;
    private final LoreTimingStore timing;
    private final LorebookScanner scanner;
    private final LoreSettings settings;
    /** One lock per stripe of scopes: replies in one scope take turns, other scopes scan at the same time. */
    private final Object[] stripes = new Object[64];

    public ActivatingLore(LorebookRepository books, LoreTimingStore timing, TokenCounter tokens, DoubleSupplier random,
                          LoreSettings settings) {
        this.books = Objects.requireNonNull(books, "books");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.scanner = new LorebookScanner(tokens, random);
        this.settings = Objects.requireNonNull(settings, "settings");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** The scope timed effects are kept in: one channel with one character. */
    public static String scope(String channelId, UUID personalityId) {
        return channelId + "/" + personalityId;
    }

    /**
     * Scans for one reply; nothing fires (and no state is touched) when the character has no lorebook.
     *
     * @param messages the conversation, oldest first, the message being answered last
     */
    public LoreActivation activate(UUID personalityId, String scope, List<LoreMessage> messages, int contextWindow) {
        return activate(personalityId, null, null, scope, messages, contextWindow);
    }

    /**
     * Scans for one reply with the books of the character, of the speaker's persona and channel (either may be null)
     * and the global ones.
     *
     * @param messages the conversation, oldest first, the message being answered last
     */
    public LoreActivation activate(UUID personalityId, UUID personaId, String channelId, String scope,
                                   List<LoreMessage> messages, int contextWindow) {
        List<Lorebook> attached = attached(personalityId, personaId, channelId);
        if (attached.isEmpty()) {
            return LoreActivation.none();
        }
        List<LoreBook> lore = attached.stream().map(b -> new LoreBook(b.id().toString(), b.content())).toList();
        // two replies at once in one scope would otherwise both start from the same state (within this process;
        // across worker processes the later save wins, which only shifts a timed effect by a turn)
        synchronized (stripes[Math.floorMod(scope.hashCode(), stripes.length)]) {
            LoreActivation activation = scanner.scan(new LoreScanRequest(lore, messages, contextWindow, settings),
                    timing.load(scope));
            timing.save(scope, activation.timing());
            return activation;
        }
    }

    /** The books of one reply, the character's first (SillyTavern's character-first strategy), each book once. */
    private List<Lorebook> attached(UUID personalityId, UUID personaId, String channelId) {
        Map<UUID, Lorebook> out = new LinkedHashMap<>();
        books.attachedTo(personalityId).forEach(b -> out.putIfAbsent(b.id(), b));
        if (personaId != null) {
            books.attachedTo(LoreTarget.persona(personaId)).forEach(b -> out.putIfAbsent(b.id(), b));
        }
        if (channelId != null && !channelId.isBlank() && channelId.length() <= LoreTarget.MAX_ID) {
            books.attachedTo(LoreTarget.channel(channelId)).forEach(b -> out.putIfAbsent(b.id(), b));
        }
        books.attachedTo(LoreTarget.global()).forEach(b -> out.putIfAbsent(b.id(), b));
        return List.copyOf(out.values());
    }
}
