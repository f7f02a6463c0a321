package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The console in a real browser (Debian's headless Chromium and chromedriver, paths set explicitly
 * so that Selenium Manager never downloads anything): a liaison signs in, writes and approves an
 * item and watches WEBSITE turn DELIVERED without reloading; a reporter sees the year view; the
 * language switch. Screenshots of each page go to {@code target/screenshots/}. Skipped where
 * chromedriver is not installed.
 */
class ConsoleBrowserIntegrationTests extends PublisherCoreIntegrationTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static Path profile;

    @Autowired KafkaTemplate<String, Object> kafka;

    @BeforeAll
    static void browser() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for a condition; htmx may swap an element between finding it and reading it. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh-CN"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        waiting().until(ExpectedConditions.urlContains("/console/"));
    }

    @Test
    void aLiaisonApprovesAnItemAndWatchesTheWebsiteDeliveryArriveWithoutReloading()
            throws IOException {
        browser.get(url("/login?lang=zh-CN"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("信息公开发布平台");
        screenshot("01-login");

        signIn("liaison");
        browser.get(url("/console/items/new"));
        browser.findElement(By.id("title")).sendKeys("关于2021年国庆节放假安排的通知");
        WebElement editor = browser.findElement(By.cssSelector(".rte-area"));
        editor.click();
        editor.sendKeys("根据国务院办公厅通知，现将我校国庆节放假安排通知如下。");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("catalogueItem")))
                .selectByValue("1");
        browser.findElement(By.id("ledText")).sendKeys("国庆节放假10月1日至7日，请各部门做好值班安排，注意校园安全，祝全校师生节日快乐");
        waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#checks-slot [data-channel=LED_SCREEN]"),
                                "第 2 / 2 屏"));
        browser.findElement(By.id("preview-button")).click();
        waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#preview-slot .site-title"), "国庆节"));
        screenshot("02-editor");
        browser.findElement(By.id("save")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("approve-button")));
        String itemId = browser.getCurrentUrl().replaceAll(".*/", "");
        browser.findElement(By.id("approve-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-confirm")));
        screenshot("03-approve-confirmation");
        browser.findElement(By.id("approve-confirm")).click();

        By website = By.cssSelector("#deliveries .strip [data-channel=WEBSITE]");
        waiting().until(ExpectedConditions.attributeToBe(website, "data-status", "PENDING"));
        WebElement marker = browser.findElement(By.id("item-status"));

        kafka.send(
                Topics.DELIVERY_REPORTS,
                itemId,
                new DeliveryReported(
                        UUID.randomUUID(),
                        UUID.fromString(itemId),
                        1,
                        Instant.now(),
                        Channel.WEBSITE,
                        DeliveryStatus.DELIVERED,
                        URI.create("http://localhost:8081/items/" + itemId + ".html"),
                        1,
                        null));
        waiting().until(ExpectedConditions.attributeToBe(website, "data-status", "DELIVERED"));
        // the same page: an element from before the report is still attached
        assertThat(marker.getText()).isEqualTo("已审核发布");
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#deliveries a[href$='" + itemId + ".html']"))
                                .getText())
                .isEqualTo("查看网页");
        screenshot("04-item-delivered");

        browser.get(url("/console/items"));
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "tr[data-item-id='"
                                                        + itemId
                                                        + "'] [data-channel=WEBSITE]"))
                                .getAttribute("data-status"))
                .isEqualTo("DELIVERED");
        screenshot("05-items");

        browser.get(url("/console/items?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Items");
        assertThat(browser.findElement(By.cssSelector(".mainnav a")).getText()).isEqualTo("Items");
        browser.get(url("/console/items?lang=zh-CN"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("信息发布");

        signIn("liaison2");
        browser.get(url("/console/items/" + itemId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("其他部门");
    }

    @Test
    void aReporterSeesTheYearWithItsChartsAndReportAndAnOperatorTheBoard() throws IOException {
        signIn("reporter");
        assertThat(browser.getCurrentUrl()).endsWith("/console/statistics");
        waiting()
                .until(
                        ExpectedConditions.attributeToBe(
                                By.id("chart-channels"), "data-rendered", "true"));
        assertThat(browser.findElements(By.cssSelector("#chart-channels svg"))).isNotEmpty();
        assertThat(browser.findElement(By.id("report-text")).getText()).contains("学院");
        assertThat(browser.findElements(By.cssSelector("#catalogue-table tbody tr"))).hasSize(50);
        screenshot("06-statistics");

        signIn("operator");
        assertThat(browser.findElements(By.cssSelector(".channel-card"))).hasSize(4);
        screenshot("07-board");

        signIn("admin");
        browser.get(url("/console/admin"));
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).hasSizeGreaterThan(4);
        screenshot("08-admin");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/console/items"));
        screenshot("09-items-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
