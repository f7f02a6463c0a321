package cn.college.disclosure.channel.campusplatform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.WebsitePaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What both integration test classes do: build events, call the fakes, wait for reports. */
final class ChannelTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static PublicationRequested request(UUID itemId, int version, String title) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                title,
                "摘要:" + title,
                "<p>正文</p>",
                Set.of(Channel.WEBSITE, Channel.CAMPUS_PLATFORM),
                fixture.catalogueItem(),
                fixture.department(),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId)),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }

    static String call(String method, String url, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url).isLessThan(300);
        return response.body();
    }

    private ChannelTestSupport() {}
}
