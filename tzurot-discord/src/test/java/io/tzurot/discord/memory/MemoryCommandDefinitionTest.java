package io.tzurot.discord.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.CommandCall;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.junit.jupiter.api.Test;

/** The definition {@code /memory} registers: its own subcommands, the contract option, and groups of other features. */
class MemoryCommandDefinitionTest {

    /** A repository the definition never reads. */
    private static final PersonalityRepository UNUSED = (PersonalityRepository) Proxy.newProxyInstance(
            MemoryCommandDefinitionTest.class.getClassLoader(), new Class<?>[] {PersonalityRepository.class},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private static final MemorySubcommandGroup FACTS = new MemorySubcommandGroup() {
        @Override
        public SubcommandGroupData definition() {
            return new SubcommandGroupData("facts", "Facts about you").addSubcommands(
                    new SubcommandData("list", "Your facts"));
        }

        @Override
        public void run(CommandCall call) {
            throw new UnsupportedOperationException("not run here");
        }
    };

    @Test
    void subcommandsTheContractOptionAndAnotherFeaturesGroupAreRegistered() {
        ViewingPersonalities viewing = new ViewingPersonalities(UNUSED);
        SlashCommandData data = new MemoryCommand(viewing, new CharacterChoices(viewing), Optional.empty(),
                List.of(FACTS)).definition();

        assertThat(data.getName()).isEqualTo("memory");
        assertThat(data.getSubcommands()).extracting(SubcommandData::getName)
                .containsExactly("stats", "browse", "search", "delete", "purge");
        assertThat(data.getSubcommandGroups()).extracting(SubcommandGroupData::getName)
                .containsExactly("focus", "incognito", "facts");
        SubcommandData enable = data.getSubcommandGroups().get(1).getSubcommands().get(0);
        assertThat(enable.getName()).isEqualTo("enable");
        OptionData duration = enable.getOptions().stream().filter(o -> o.getName().equals("duration")).findFirst()
                .orElseThrow();
        assertThat(duration.isRequired()).isTrue();
        assertThat(duration.getChoices()).extracting(Command.Choice::getAsString)
                .containsExactly("30m", "1h", "4h", "forever");
        assertThat(data.getSubcommandGroups().get(1).getSubcommands()).extracting(SubcommandData::getName)
                .containsExactly("enable", "disable", "status", "forget");
    }
}
