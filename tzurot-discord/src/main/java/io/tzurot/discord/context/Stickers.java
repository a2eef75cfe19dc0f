package io.tzurot.discord.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.sticker.RichSticker;
import net.dv8tion.jda.api.entities.sticker.StickerItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stickers as text: {@code [Sticker: name — description]} (spec/discord.md §1.9). A message carries only a
 * sticker's name; its description is read once per sticker and remembered (a sticker's words rarely change), so a
 * channel full of the same sticker costs one REST call. A sticker that cannot be read is shown by name.
 */
public final class Stickers {

    /** Stickers remembered; the least recently used is forgotten first. */
    static final int REMEMBERED = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(Stickers.class);

    private final Map<Long, String> descriptions = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** The sticker as a line of text. Blocking on first sight of a sticker: call off the event thread. */
    public String text(StickerItem sticker, JDA jda) {
        String description = descriptions.computeIfAbsent(sticker.getIdLong(), id -> read(sticker, jda));
        return "[Sticker: " + sticker.getName() + (description.isEmpty() ? "" : " — " + description) + "]";
    }

    private static String read(StickerItem sticker, JDA jda) {
        try {
            RichSticker rich = jda.retrieveSticker(sticker).complete();
            return rich.getDescription() == null ? "" : rich.getDescription().strip();
        } catch (RuntimeException e) {
            LOG.debug("sticker {} not read: {}", sticker.getId(), e.getMessage());
            return "";
        }
    }
}
