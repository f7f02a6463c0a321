package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.RepairAction;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The console in a real browser (Debian's headless Chromium and chromedriver, paths set explicitly
 * so that Selenium Manager never downloads anything): a liaison signs in, writes and approves an
 * item and watches WEBSITE turn DELIVERED without reloading; the other department's liaison is
 * refused it; an operator retries a failed delivery exactly once, however often the form is sent,
 * and the audit log shows it; a reporter sees the year view and downloads the workbook; the
 * language switch. Screenshots of each page go to {@code target/screenshots/}. Skipped where
 * chromedriver is not installed.
 */
class ConsoleBrowserIntegrationTests extends PublisherCoreIntegrationTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static Path profile;
    private static Path downloads;

    @Autowired KafkaTemplate<String, Object> kafka;

    @BeforeAll
    static void browser() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("console-chromium");
        downloads = Files.createTempDirectory("console-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "download.directory_upgrade",
                        true,
                        "safebrowsing.enabled",
                        false));
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
        if (downloads != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(downloads);
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
        browser.manage().deleteAllCookies();
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

    @Test
    void theOtherDepartmentsLiaisonIsRefusedTheItemAndSeesNothingOfIt() throws IOException {
        String title = "教务处内部草稿-" + UUID.randomUUID();
        String itemId = draft(Map.of("title", title, "body", "<p>仅教务处可见的正文</p>"));

        signIn("liaison2");
        browser.get(url("/console/items/" + itemId));

        assertThat(browser.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("403");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("其他部门");
        assertThat(browser.getPageSource()).doesNotContain(title).doesNotContain("仅教务处可见");
        screenshot("10-other-department-refused");
        browser.get(url("/console/items"));
        assertThat(browser.findElements(By.cssSelector("tr[data-item-id='" + itemId + "']")))
                .isEmpty();
    }

    @Test
    void anOperatorRetriesAFailedDeliveryExactlyOnceHoweverOftenTheFormIsSent() throws IOException {
        String itemId =
                draft(
                        Map.of(
                                "title",
                                "网站发布失败的通知-" + UUID.randomUUID(),
                                "body",
                                "<p>正文</p>",
                                "channels",
                                List.of("WEBSITE")));
        assertThat(post("/api/items/" + itemId + "/approve", "liaison", null).status())
                .isEqualTo(200);
        kafka.send(
                Topics.DELIVERY_REPORTS,
                itemId,
                new DeliveryReported(
                        UUID.randomUUID(),
                        UUID.fromString(itemId),
                        1,
                        Instant.now(),
                        Channel.WEBSITE,
                        DeliveryStatus.FAILED,
                        null,
                        3,
                        "HTTP 503 from the web server"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FAILED".equals(deliveryStatus(itemId, Channel.WEBSITE)));

        signIn("operator");
        browser.get(url("/console/operations"));
        By row =
                By.cssSelector("#failures tr[data-item-id='" + itemId + "'][data-channel=WEBSITE]");
        WebElement failure = waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(failure.getText()).contains("HTTP 503");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", failure);
        screenshot("11-failures");
        WebElement form =
                failure.findElement(By.cssSelector("form[action$='/console/operations/retry']"));
        String requestId = form.findElement(By.name("requestId")).getDomAttribute("value");
        String csrf = form.findElement(By.name("_csrf")).getDomAttribute("value");

        // a double click on the button, then the very same form sent once more from this page
        new Actions(browser).doubleClick(form.findElement(By.cssSelector("button"))).perform();
        waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(".notice-success"), "重试"));
        Object replayed =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                                const done = arguments[arguments.length - 1];
                                const body = new URLSearchParams({requestId: arguments[0],
                                    itemId: arguments[1], version: '1', channel: 'WEBSITE',
                                    _csrf: arguments[2]});
                                fetch('/console/operations/retry', {method: 'POST', body})
                                    .then(r => done(r.status + ' ' + r.url));
                                """,
                                requestId,
                                itemId,
                                csrf);
        assertThat(replayed.toString()).startsWith("200 ").endsWith("/console/operations");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> unsentOutboxRows(itemId) == 0 && !repairsOnTopic(itemId).isEmpty());
        List<DeliveryRepairRequested> repairs = repairsOnTopic(itemId);
        assertThat(repairs).hasSize(1);
        assertThat(repairs.get(0).eventId()).isEqualTo(UUID.fromString(requestId));
        assertThat(repairs.get(0).action()).isEqualTo(RepairAction.RETRY);
        assertThat(repairs.get(0).channel()).isEqualTo(Channel.WEBSITE);
        assertThat(repairs.get(0).requestedBy()).isEqualTo("operator");

        signIn("admin");
        browser.get(url("/console/admin/audit?item=" + itemId));
        assertThat(
                        browser.findElements(
                                By.cssSelector(
                                        "#audit tr[data-item-id='"
                                                + itemId
                                                + "'][data-action=RETRY_REQUESTED]")))
                .hasSize(1);
        assertThat(
                        browser.findElements(
                                By.cssSelector(
                                        "#audit tr[data-item-id='"
                                                + itemId
                                                + "'][data-action=APPROVED]")))
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#audit tbody")).getText())
                .contains("operator", "请求重试", "liaison", "审核发布");
        browser.get(url("/console/admin/audit"));
        screenshot("12-audit-log");
    }

    @Test
    void aReporterDownloadsTheYearsWorkbookFromTheYearView() throws IOException {
        signIn("reporter");
        browser.get(url("/console/statistics"));
        WebElement link = browser.findElement(By.id("download-xlsx"));
        assertThat(link.getText()).isEqualTo("下载 Excel");
        link.click();

        Path workbook =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> downloaded(".xlsx"), file -> file != null);
        try (Workbook book = WorkbookFactory.create(workbook.toFile())) {
            List<String> sheets = new ArrayList<>();
            book.sheetIterator().forEachRemaining(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets)
                    .containsExactly(
                            "summary",
                            "by category",
                            "by month",
                            "by department",
                            "timeliness",
                            "items");
            Sheet byCategory = book.getSheet("by category");
            assertThat(byCategory.getRow(0).getCell(1).getStringCellValue()).isEqualTo("类别");
            assertThat(book.getSheet("summary").getPhysicalNumberOfRows()).isGreaterThan(1);
        }
        screenshot("13-year-view-download");
    }

    /** The finished download with this suffix, or null while Chromium is still writing it. */
    @Test
    void aLiaisonUploadsFilesInTheEditorAndSeesThemInTheAttachmentsTheWeChatPreviewAndTheItemPage()
            throws Exception {
        Path files = Files.createTempDirectory("console-uploads");
        Path pdf =
                Files.write(
                        files.resolve("2026年招生章程.pdf"),
                        ConsoleFilesAndSchedulesIntegrationTests.pdf());
        Path png =
                Files.write(
                        files.resolve("校园风景.png"),
                        ConsoleFilesAndSchedulesIntegrationTests.png(new java.awt.Color(0x2e9e5b)));
        signIn("liaison");
        browser.get(url("/console/items/new"));
        browser.findElement(By.id("title")).sendKeys("关于公布2026年本科招生章程的通知");
        WebElement editor = browser.findElement(By.cssSelector(".rte-area"));
        editor.click();
        editor.sendKeys("现将我校2026年本科招生章程予以公布。");

        browser.findElement(By.id("media-file")).sendKeys(pdf.toString());
        By attachment = By.cssSelector("#attachment-list li.attachment .attachment-name");
        waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                attachment, "2026年招生章程.pdf"));
        String pdfId =
                browser.findElement(By.cssSelector("#attachment-list li.attachment"))
                        .getDomAttribute("data-media-id");
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#attachment-list input[name='attachments[0].mediaId']"))
                                .getDomProperty("value"))
                .isEqualTo(pdfId);
        assertThat(
                        browser.findElement(By.cssSelector("#upload-list .upload-done progress"))
                                .getDomProperty("value"))
                .isEqualTo("100");

        browser.findElement(By.id("media-file")).sendKeys(png.toString());
        By bodyImage = By.cssSelector(".rte-area img[src^='/api/media/']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(bodyImage));
        String imageSrc = browser.findElement(bodyImage).getDomAttribute("src");
        String imageId = imageSrc.substring(imageSrc.lastIndexOf('/') + 1);
        assertThat(browser.findElement(bodyImage).getDomAttribute("alt")).isEqualTo("校园风景");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the console's session reads the image: it is shown, not broken
        waiting()
                .until(
                        driver ->
                                (Boolean)
                                        js.executeScript(
                                                "var i = document.querySelector(\".rte-area img\");"
                                                        + " return i.complete && i.naturalWidth === 470;"));
        waiting()
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(
                                        "#wechat-preview .wx-content img[src='"
                                                + imageSrc
                                                + "']")));

        browser.findElement(By.cssSelector("#cover-options input[value='" + imageId + "']"))
                .click();
        waiting()
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(
                                        "#wechat-preview .wx-cover-img[src$='" + imageId + "']")));
        assertThat(browser.findElement(By.id("cover-preview")).isDisplayed()).isTrue();
        assertThat(
                        js.executeScript(
                                "return getComputedStyle(document.getElementById('cover-preview')).objectFit;"))
                .isEqualTo("cover");
        screenshot("11-editor-files");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("12-editor-files-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.id("save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-table")));
        WebElement link =
                browser.findElement(By.cssSelector("#attachments-table a.attachment-link"));
        assertThat(link.getText()).isEqualTo("2026年招生章程.pdf");
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/media/" + pdfId);
        assertThat(browser.findElement(By.cssSelector("#attachments-table tbody tr")).getText())
                .contains("PDF");
        assertThat(browser.findElement(By.id("cover-shown")).getDomAttribute("src"))
                .isEqualTo("/api/media/" + imageId);
        screenshot("13-item-files");
        org.springframework.util.FileSystemUtils.deleteRecursively(files);
    }

    private static Path downloaded(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(file -> file.toString().endsWith(".crdownload"))) {
                return null;
            }
            return all.stream()
                    .filter(file -> file.toString().endsWith(suffix))
                    .findFirst()
                    .orElse(null);
        }
    }

    private String deliveryStatus(String itemId, Channel channel) {
        return jdbc.sql("select status from delivery where item_id = ? and channel = ?")
                .params(UUID.fromString(itemId), channel.name())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long unsentOutboxRows(String itemId) {
        return jdbc.sql("select count(*) from outbox where message_key = ? and sent_at is null")
                .param(itemId)
                .query(Long.class)
                .single();
    }

    /**
     * Every repair command for the item on the publications topic, read from the beginning with a
     * plain consumer.
     */
    private static List<DeliveryRepairRequested> repairsOnTopic(String itemId) {
        return TopicRecorder.snapshot(
                        System.getProperty("spring.kafka.bootstrap-servers"), Topics.PUBLICATIONS)
                .stream()
                .filter(record -> itemId.equals(record.key()))
                .map(ConsumerRecord::value)
                .filter(DeliveryRepairRequested.class::isInstance)
                .map(DeliveryRepairRequested.class::cast)
                .toList();
    }
}
