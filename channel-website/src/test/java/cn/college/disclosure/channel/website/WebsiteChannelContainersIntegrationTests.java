package cn.college.disclosure.channel.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The website channel with its broker and database in containers, wired by Spring Boot's
 * {@code @ServiceConnection}. Skipped where no Docker engine answers; {@link
 * WebsiteChannelIntegrationTests} covers the same path against the in-process servers everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class WebsiteChannelContainersIntegrationTests {

    @Container @ServiceConnection
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

    @Container @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

    private static final Path WEB_ROOT = temporaryWebRoot();

    @Autowired KafkaTemplate<Object, Object> template;

    @DynamicPropertySource
    static void webRoot(DynamicPropertyRegistry registry) {
        registry.add("channel.website.web-root", WEB_ROOT::toString);
    }

    @Test
    void publishesAPageWithBrokerAndDatabaseInContainers() throws Exception {
        UUID itemId = UUID.randomUUID();
        PublicationRequested request =
                new PublicationRequested(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        Instant.now(),
                        "容器中的通知",
                        null,
                        "<p>正文</p>",
                        Set.of(Channel.WEBSITE),
                        null,
                        "教务处",
                        URI.create("http://localhost:8081/" + WebsitePaths.itemPage(itemId)),
                        null,
                        null,
                        "liaison");

        template.send(Topics.PUBLICATIONS, itemId.toString(), request).get();

        Path page = WEB_ROOT.resolve(WebsitePaths.itemPage(itemId));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(page));
        assertThat(page).content().contains("容器中的通知");
    }

    private static Path temporaryWebRoot() {
        try {
            return Files.createTempDirectory("website-containers-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
