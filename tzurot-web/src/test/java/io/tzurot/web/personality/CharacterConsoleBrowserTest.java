package io.tzurot.web.personality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.HeadlessChromium;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Console → Characters in a real browser at phone width: create a character with an avatar (previewed
 * before sending), then find it listed with its avatar loaded. Leaves a screenshot under target/.
 */
class CharacterConsoleBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private ManagementTestServer server;
    private Path avatar;

    @BeforeEach
    void start() throws IOException {
        server = new ManagementTestServer();
        avatar = Files.createTempFile("avatar", ".png");
        BufferedImage image = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2f55d4));
        g.fillRect(0, 0, 900, 900);
        g.dispose();
        ImageIO.write(image, "png", avatar.toFile());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Files.deleteIfExists(avatar);
    }

    @Test
    void createACharacterWithAnAvatarAndSeeItListed() throws IOException {
        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(server.access.operatorLogin().issueLink(), server.base());

        driver.findElement(By.linkText("Characters")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("New character"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("slug"))).sendKeys("selenium-sage");
        driver.findElement(By.id("name")).sendKeys("Selenium Sage");
        driver.findElement(By.id("characterInfo")).sendKeys("A patient tester of web pages.");
        driver.findElement(By.id("personalityTraits")).sendKeys("Thorough, calm");
        driver.findElement(By.id("isPublic")).click();
        driver.findElement(By.id("avatar")).sendKeys(avatar.toAbsolutePath().toString());
        WebElement preview = driver.findElement(By.id("avatar-preview"));
        wait.until(d -> String.valueOf(preview.getDomProperty("src")).startsWith("blob:"));

        browser.centre(driver.findElement(By.xpath("//main//button[text()='Create character']"))).click();

        wait.until(ExpectedConditions.urlToBe(server.base() + "/console/characters"));
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.character[data-slug='selenium-sage']")));
        assertThat(listed.getText()).contains("Selenium Sage").contains("@selenium-sage").contains("public");
        WebElement img = listed.findElement(By.cssSelector("img.avatar"));
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(512);
        assertThat(server.getBytes("/avatars/selenium-sage.png", null).statusCode()).isEqualTo(200);

        browser.screenshot("console-characters");
    }
}
