package io.tzurot.core.userdata;

import io.tzurot.core.card.CardCodec;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.ExportingCharacter;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.card.LorebookFormat;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.personality.Personality;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A character in both forms: the reference's JSON ({@code {slug}.json}, avatar inside as {@code avatarData}),
 * the SillyTavern card as JSON and as PNG ({@code {slug}.card.json}, {@code {slug}.card.png}), the avatar
 * ({@code {slug}-avatar.png}) and its attached lorebooks as world-info ({@code lorebooks/{name}.json});
 * the user's own lorebooks go to the archive's {@code lorebooks/}.
 */
public final class CardCharacterFiles implements CharacterFiles {

    private final CardCodec codec;
    private final ExportingCharacter exporting;
    private final LorebookRepository lorebooks;

    public CardCharacterFiles(CardCodec codec, ExportingCharacter exporting, LorebookRepository lorebooks) {
        this.codec = codec;
        this.exporting = exporting;
        this.lorebooks = lorebooks;
    }

    @Override
    public Map<String, byte[]> filesOf(Personality p, Optional<byte[]> avatar) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] image = avatar.orElse(null);
        files.put(p.slug() + ".json", codec.writeReference(ExportingCharacter.reference(p, image)));
        var card = exporting.card(p, image);
        files.put(p.slug() + ".card.json", codec.writeCard(card, CharacterExportFormat.CARD_JSON));
        files.put(p.slug() + ".card.png", codec.writeCard(card, CharacterExportFormat.CARD_PNG));
        avatar.ifPresent(png -> files.put(p.slug() + "-avatar.png", png));
        Set<String> names = new HashSet<>();
        for (Lorebook book : lorebooks.attachedTo(p.id())) {
            files.put("lorebooks/" + unique(names, book.name()) + ".json",
                    codec.writeLorebook(book.content(), LorebookFormat.WORLD_INFO));
        }
        return files;
    }

    @Override
    public Map<String, byte[]> userFiles(UUID userId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (LorebookSummary s : lorebooks.listOwned(userId)) {
            lorebooks.find(s.id()).ifPresent(book -> files.put("lorebooks/" + unique(names, book.name()) + ".json",
                    codec.writeLorebook(book.content(), LorebookFormat.WORLD_INFO)));
        }
        return files;
    }

    private static String unique(Set<String> taken, String name) {
        String base = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        base = base.isEmpty() ? "lorebook" : base.length() > 60 ? base.substring(0, 60) : base;
        String chosen = base;
        for (int i = 2; !taken.add(chosen); i++) {
            chosen = base + "-" + i;
        }
        return chosen;
    }
}
