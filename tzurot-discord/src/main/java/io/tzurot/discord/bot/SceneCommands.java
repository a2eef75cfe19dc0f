package io.tzurot.discord.bot;

import io.tzurot.core.channel.EditingScene;
import io.tzurot.core.channel.PickingSpeaker;
import io.tzurot.discord.chat.ChatDelivery;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.scene.ChimeInCommand;
import io.tzurot.discord.scene.RandomCommand;
import io.tzurot.discord.scene.SceneCommand;
import java.util.List;

/** The scene commands ({@code /scene}, {@code /chime-in}, {@code /random}) over the bot's scene settings. */
final class SceneCommands {

    private SceneCommands() {
    }

    static void add(List<SlashCommand> commands, DiscordServices services, CharacterChoices characters,
                    ChatDelivery chat) {
        PickingSpeaker picking = new PickingSpeaker(services.channels(), services.personalities(), services.speakers());
        commands.add(new SceneCommand(new EditingScene(services.channels(), services.personalities(),
                services.speakers().settings()), characters));
        commands.add(new ChimeInCommand(picking, characters, chat));
        commands.add(new RandomCommand(picking, chat));
    }
}
