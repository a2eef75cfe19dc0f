package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /models} through the whole product, reading the (fake) provider's catalogue. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogueIsFilteredByFreeVisionAndContextSize() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            app.model.models(List.of("acme/big", "acme/small:free", "acme/eye")).imageModels(Set.of("acme/eye"));
            SimGuild guild = app.simulator.world().createGuild("Models Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "models");

            String free = text(app, alice, channel, "models browse", Map.of("filter", "free"));
            assertThat(free).contains("acme/small:free").doesNotContain("acme/big").doesNotContain("acme/eye");
            String vision = text(app, alice, channel, "models browse", Map.of("filter", "vision"));
            assertThat(vision).contains("acme/eye").doesNotContain("acme/big");
            String large = text(app, alice, channel, "models browse", Map.of("min-context", "100000"));
            assertThat(large).contains("acme/big").contains("acme/eye").doesNotContain("acme/small:free");
            assertThat(text(app, alice, channel, "models view", Map.of("model", "acme/eye")))
                    .contains("Fake acme/eye").contains("accepted").contains("131072 tokens");
            assertThat(text(app, alice, channel, "models view", Map.of("model", "acme/none")))
                    .isEqualTo("❌ Model 'acme/none' was not found.");

            long id = app.simulator.users().autocomplete(alice, channel, "models view", "model", Map.of("model", "eye"));
            List<String> values = new ArrayList<>();
            await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(id), Optional::isPresent).orElseThrow()
                    .data().path("choices").forEach(c -> values.add(c.path("value").asText()));
            assertThat(values).containsExactly("acme/eye");
        }
    }

    private static String text(DiscordApp app, SimUser user, SimTextChannel channel, String path,
                               Map<String, String> options) {
        long id = app.simulator.users().slashCommand(user, channel, path, options);
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(id),
                l -> l.stream().anyMatch(m -> !m.content().isEmpty() || !m.embeds().isEmpty()));
        SimMessage last = answers.get(answers.size() - 1);
        return (last.content() + (last.embeds().isEmpty() ? "" : "\n" + last.embeds())).strip();
    }
}
