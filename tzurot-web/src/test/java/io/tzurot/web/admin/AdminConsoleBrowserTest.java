package io.tzurot.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.Heartbeat;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Done-when scenario in a real browser: the bot owner opens Console → Admin, sees the week's usage, switches to the
 * last 24 hours, and sees the fleet's live process and the meters. Leaves a screenshot under target/.
 */
class AdminConsoleBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private AdminTestServer server;

    @BeforeEach
    void start() {
        server = new AdminTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOwnerReadsUsageHealthAndMetrics() throws IOException {
        User ann = new JdbiUserRepository(server.database.jdbi(), Clock.systemUTC()).getOrCreate(
                new DiscordUserProfile("200000000000000007", "ann", null, null, false), false);
        UUID character = UUID.randomUUID();
        server.database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO personalities (id, name, slug, owner_id,"
                + " character_info, personality_traits) VALUES (:id, 'Echo', 'echo', :owner, 'i', 't')")
                .bind("id", character).bind("owner", ann.id()).execute());
        Instant now = Instant.now();
        server.usage.record(UsageLog.forReply("b1", ann.id(), character, "openrouter", "model/recent", 120, 12, true,
                5, now.minus(Duration.ofHours(1))));
        server.usage.record(UsageLog.forReply("b2", ann.id(), character, "openrouter", "model/older", 30, 3, false,
                5, now.minus(Duration.ofDays(3))));
        new FleetHeartbeats(server.keys).beat(new Heartbeat("api-host-7", "api,worker,discord", "9.9.9",
                now.minusSeconds(30), now, OptionalLong.of(0)));
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(server.access.operatorLogin().issueLink(), server.base());

        browser.centre(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Admin")))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-usage"), "Usage, last 7d"));
        assertThat(driver.findElement(By.id("admin-usage-total")).getText()).startsWith("2 replies");
        assertThat(driver.findElement(By.cssSelector("table.admin-usage")).getText()).contains("model/recent")
                .contains("model/older").contains("echo").contains("200000000000000007");

        new Select(driver.findElement(By.id("admin-period"))).selectByValue("24h");
        browser.centre(driver.findElement(By.xpath("//main//button[text()='Show']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-usage"), "Usage, last 24h"));
        assertThat(driver.findElement(By.id("admin-usage-total")).getText()).startsWith("1 reply ·");
        assertThat(driver.findElement(By.cssSelector("table.admin-usage")).getText()).contains("model/recent")
                .doesNotContain("model/older");
        assertThat(driver.findElement(By.id("admin-processes")).getText()).contains("api,worker,discord")
                .contains("api-host-7").contains("queue lag 0");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("tzurot.replies{outcome=replied}");
        browser.screenshot("console-admin");
    }
}
