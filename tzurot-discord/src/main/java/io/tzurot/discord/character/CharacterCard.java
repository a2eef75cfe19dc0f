package io.tzurot.discord.character;

import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.core.personality.Personality;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** The read-only profile of a character ({@code /character view}), one embed field per filled-in part. */
final class CharacterCard {

    private CharacterCard() {
    }

    static MessageEmbed of(Personality p) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(CharacterChoices.badge(p) + " " + p.shownName())
                .setColor(0x5865F2).setDescription("`" + p.slug() + "` · " + (p.isPublic() ? "public" : "private"));
        add(embed, "Name", p.name());
        add(embed, "Character info", p.characterInfo());
        add(embed, "Personality traits", p.personalityTraits());
        add(embed, "Tone", p.tone());
        add(embed, "Age", p.age());
        add(embed, "Appearance", p.appearance());
        add(embed, "Likes", p.likes());
        add(embed, "Dislikes", p.dislikes());
        add(embed, "Conversational goals", p.conversationalGoals());
        add(embed, "Conversational examples", p.conversationalExamples());
        return embed.build();
    }

    private static void add(EmbedBuilder embed, String label, String value) {
        Optional.ofNullable(value).filter(v -> !v.isBlank()).ifPresent(v -> embed.addField(label,
                v.length() <= MessageEmbed.VALUE_MAX_LENGTH ? v : v.substring(0, MessageEmbed.VALUE_MAX_LENGTH - 1)
                        + "…", false));
    }
}
