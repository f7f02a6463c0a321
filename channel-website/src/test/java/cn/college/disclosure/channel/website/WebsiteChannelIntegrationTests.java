package cn.college.disclosure.channel.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The website service against a real broker and database: Kafka in, files and reports out. */
@PipelineInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebsiteChannelIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path WEB_ROOT = temporaryWebRoot();

    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void webRoot(DynamicPropertyRegistry registry) {
        registry.add("channel.website.web-root", WEB_ROOT::toString);
        registry.add("channel.website.public-base-url", () -> "https://xxgk.example.edu.cn/");
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stopRecording() {
        reports.close();
    }

    @Test
    void publishesRetractsAndRepublishesAnItemPage() throws Exception {
        UUID itemId = UUID.randomUUID();
        Path page = WEB_ROOT.resolve(WebsitePaths.itemPage(itemId));
        URI publicUrl = URI.create("https://xxgk.example.edu.cn/items/" + itemId + ".html");

        send(request(itemId, 1, "2021年招生章程"));

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.DELIVERED));
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains("2021年招生章程").contains("content=\"1\"");
        DeliveryReported delivered = reports.of(itemId).get(0);
        assertThat(delivered.channel()).isEqualTo(Channel.WEBSITE);
        assertThat(delivered.externalUrl()).isEqualTo(publicUrl);
        assertThat(delivered.attempt()).isEqualTo(1);
        assertThat(get("/items/" + itemId + ".html").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("2021年招生章程");

        send(retraction(itemId, 1));

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.RETRACTED));
        assertThat(page).doesNotExist();
        assertThat(Files.readString(WEB_ROOT.resolve("index.html")))
                .doesNotContain(itemId.toString());
        assertThat(get("/items/" + itemId + ".html").statusCode()).isEqualTo(410);

        send(request(itemId, 2, "2021年招生章程(修订)"));

        await().atMost(PATIENCE)
                .until(
                        () ->
                                reports.statuses(itemId)
                                        .equals(
                                                List.of(
                                                        DeliveryStatus.DELIVERED,
                                                        DeliveryStatus.RETRACTED,
                                                        DeliveryStatus.DELIVERED)));
        assertThat(Files.readString(page)).contains("2021年招生章程(修订)").contains("content=\"2\"");
        assertThat(reports.of(itemId).get(2).externalUrl()).isEqualTo(publicUrl);
        assertThat(reports.of(itemId).get(2).version()).isEqualTo(2);
        assertThat(get("/items/" + itemId + ".html").body()).contains("修订");
    }

    @Test
    void replacesThePageWithANewVersionAtTheSameUrl() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "学生资助政策"));
        send(request(itemId, 2, "学生资助政策(2022年)"));

        await().atMost(PATIENCE).until(() -> reports.count(itemId, DeliveryStatus.DELIVERED) == 2);
        assertThat(reports.of(itemId))
                .extracting(DeliveryReported::externalUrl)
                .containsOnly(URI.create("https://xxgk.example.edu.cn/items/" + itemId + ".html"));
        assertThat(reports.of(itemId).get(1).detail()).isEqualTo("replaced version 1");
        String index = Files.readString(WEB_ROOT.resolve("index.html"));
        assertThat(index).contains("学生资助政策(2022年)");
        assertThat(index.split(itemId.toString(), -1)).hasSize(2);
    }

    @Test
    void servesTheIndexFeedAndSitemap() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/feed.xml").body()).contains("http://www.w3.org/2005/Atom");
        assertThat(get("/sitemap.xml").body()).contains("https://xxgk.example.edu.cn/");
        assertThat(get("/items/" + UUID.randomUUID() + ".html").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aReaderWhoseAddressIsWrongGetsAChinesePageNotJson() throws Exception {
        HttpResponse<String> item = get("/items/" + UUID.randomUUID() + ".html", "text/html");
        assertThat(item.statusCode()).isEqualTo(404);
        assertThat(item.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(item.body()).contains("页面不存在");

        HttpResponse<String> page = get("/no-such-column/list.html", "text/html,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("页面不存在").doesNotContain("Whitelabel", "Error");

        HttpResponse<String> program = get("/no-such-column/list.json", "application/json");
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String path, String accept)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(Object event) throws Exception {
        UUID itemId =
                event instanceof PublicationRequested r
                        ? r.itemId()
                        : ((PublicationRetracted) event).itemId();
        kafka.send(Topics.PUBLICATIONS, itemId.toString(), event).get();
    }

    private static PublicationRequested request(UUID itemId, int version, String title) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                title,
                fixture.summary(),
                fixture.bodyHtml(),
                Set.of(Channel.WEBSITE, Channel.WECHAT),
                fixture.catalogueItem(),
                fixture.department(),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId)),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }

    private static PublicationRetracted retraction(UUID itemId, int version) {
        return new PublicationRetracted(
                UUID.randomUUID(), itemId, version, Instant.now(), "内容有误", "admin");
    }

    private static Path temporaryWebRoot() {
        try {
            return Files.createTempDirectory("website-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
