package org.pobox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pobox.web.WebFixture.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium, as an investigator uses it: log in, search a Chinese
 * phrase, narrow by a facet, open a letter, see its scan, correct a label, log out. One browser for
 * the class; a screenshot goes to target/ when a step fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBrowserTest {

    @TempDir
    static Path dir;
    WebFixture fx;
    WebServer server;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        fx = new WebFixture("webui", dir);
        server = new WebServer(fx.config, fx.engine).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("pobox.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("pobox.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void investigatorSearchesReadsCorrectsAndLogsOut() throws Exception {
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys("inv");
            browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();

            WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
            q.sendKeys("\"征地拆迁补偿款\"");
            browser.findElement(By.id("search-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("total"), "2"));
            assertThat(browser.getCurrentUrl()).contains("q=");
            assertThat(browser.findElement(By.id("results")).getText()).contains("征地拆迁补偿款").doesNotContain(REPORTER_NAME);
            assertThat(browser.findElements(By.cssSelector("#results mark"))).isNotEmpty();

            // narrow by the "late" facet: only the repeat letter was posted after the deadline
            browser.findElement(By.xpath("//div[@data-facet='late']//a[span[text()='逾期']]")).click();
            wait.until(ExpectedConditions.textToBe(By.id("total"), "1"));
            assertThat(browser.getCurrentUrl()).contains("f.late=true");
            if (System.getProperty("pobox.screenshots") != null) {
                screenshot("search");
            }

            browser.findElement(By.cssSelector("#results a.title")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("letter-title"), "JM-2020-0003"));
            WebElement img = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".scan img")));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
            assertThat(browser.findElement(By.cssSelector(".page")).getAttribute("class")).contains("low");
            // why it needs a reader, in words
            assertThat(browser.findElement(By.cssSelector(".letter-head")).getText())
                    .contains("识别可信度低").contains("繁体字信件");
            // the hit is marked on the scan too: the first line box holds the phrase
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".scan .hit"), 1));
            // the box is placed in the original's pixels although the scan came scaled down (2480 → 1400 px)
            double share = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('.scan .hit').offsetWidth / document.querySelector('.scan img').clientWidth")).doubleValue();
            assertThat(share).isBetween(0.91, 0.96);
            assertThat(browser.findElement(By.id("duplicates")).getText()).contains("JM-2020-0001");
            assertThat(browser.findElement(By.cssSelector("ul.evidence")).getText()).contains("地区").contains("王家村");
            assertThat(browser.findElements(By.cssSelector(".pagetext mark"))).isNotEmpty();

            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("correct-field"))).selectByValue("region");
            browser.findElement(By.id("correct-value")).sendKeys("潮海");
            browser.findElement(By.id("correct-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("classification"), "潮海"));
            if (System.getProperty("pobox.screenshots") != null) {
                screenshot("letter");
                ((JavascriptExecutor) browser).executeScript("document.querySelector('.page').scrollIntoView()");
                screenshot("letter-page");
            }
            assertThat(new org.pobox.index.CorrectionStore(fx.engine, fx.alias).forLetter(REPEAT))
                    .anySatisfy(c -> assertThat(c.field()).isEqualTo("region"));

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name")));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name")));
        } catch (Throwable t) {
            screenshot("investigatorSearchesReadsCorrectsAndLogsOut");
            throw t;
        }
    }

    private void screenshot(String name) {
        try {
            Path target = Path.of(System.getProperty("pobox.home", "..")).resolve("app/target/screenshots");
            Files.createDirectories(target);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // the test's own failure is what matters
        }
    }
}
