package cn.college.disclosure.channel.wechat.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.contract.DeliveryWarning;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyImagesTests {

    private static final byte[] PNG =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    private static final byte[] JPG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10};

    private final List<String> requested = new ArrayList<>();
    private final List<String> uploaded = new ArrayList<>();
    private HttpServer server;
    private int port;

    @BeforeEach
    void serveImages() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    synchronized (requested) {
                        requested.add(path);
                    }
                    if (path.equals("/moved.png")) {
                        exchange.getResponseHeaders()
                                .add("Location", "http://127.0.0.1:" + port + "/a.png");
                        exchange.sendResponseHeaders(302, -1);
                        exchange.close();
                        return;
                    }
                    byte[] body =
                            switch (path) {
                                case "/big.png" -> Arrays.copyOf(PNG, 1024 * 1024 + 1);
                                case "/photo.jpg" -> JPG;
                                case "/icon.svg" ->
                                        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                                                .getBytes(StandardCharsets.UTF_8);
                                default -> PNG;
                            };
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesOnlyFromTheAllowedOriginsAndNeverRequestsAnyOther() {
        BodyImages images = images("http://localhost:" + port);

        BodyImages.Prepared prepared =
                images.prepare(
                        ("<p>x</p><img src=\"http://localhost:%1$d/a.png\">"
                                        + "<img src=\"http://127.0.0.1:%1$d/internal.png\">"
                                        + "<img src=\"http://169.254.169.254/latest/meta-data\">"
                                        + "<img src=\"file:///etc/passwd\">"
                                        + "<img src=\"/relative.png\">")
                                .formatted(port));

        assertThat(requested).containsExactly("/a.png");
        assertThat(uploaded).containsExactly("body-1.png");
        assertThat(prepared.html())
                .contains("mmbiz.qpic.cn")
                .doesNotContain("127.0.0.1", "169.254");
        assertThat(prepared.warnings())
                .extracting(DeliveryWarning::code)
                .containsOnly(DeliveryWarning.IMAGE_ORIGIN_REFUSED)
                .hasSize(4);
    }

    @Test
    void comparesOriginsBySchemeHostAndPort() {
        BodyImages images = images("https://xxgk.example.edu.cn", "http://localhost:8080");

        assertThat(images.allowed("https://xxgk.example.edu.cn/media/a.png")).isTrue();
        assertThat(images.allowed("https://XXGK.example.edu.cn:443/media/a.png")).isTrue();
        assertThat(images.allowed("http://xxgk.example.edu.cn/media/a.png")).isFalse();
        assertThat(images.allowed("https://xxgk.example.edu.cn:8443/a.png")).isFalse();
        assertThat(images.allowed("https://xxgk.example.edu.cn.evil.test/a.png")).isFalse();
        assertThat(images.allowed("https://evil.test@xxgk.example.edu.cn/a.png")).isFalse();
        assertThat(images.allowed("http://localhost:8080/media/1")).isTrue();
        assertThat(images.allowed("http://localhost:8081/media/1")).isFalse();
    }

    @Test
    void leavesOutTooLargeAndRefusedTypesAndRedirectsWithTheirWarnings() {
        BodyImages images = images("http://localhost:" + port);
        String big = "http://localhost:%d/big.png".formatted(port);
        String svg = "http://localhost:%d/icon.svg".formatted(port);
        String moved = "http://localhost:%d/moved.png".formatted(port);

        BodyImages.Prepared prepared =
                images.prepare(
                        "<img src=\"%s\"><img src=\"%s\"><img src=\"http://localhost:%d/photo.jpg\"><img src=\"%s\">"
                                .formatted(big, svg, port, moved));

        assertThat(prepared.warnings())
                .containsExactly(
                        new DeliveryWarning(DeliveryWarning.IMAGE_TOO_LARGE, big),
                        new DeliveryWarning(DeliveryWarning.IMAGE_TYPE_REFUSED, svg),
                        new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, moved));
        assertThat(uploaded).containsExactly("body-3.jpg");
        // the redirect was not followed
        assertThat(requested).doesNotContain("/a.png");
    }

    @Test
    void readsDataImagesFromTheBodyAndNamesThemByTypeAndLength() {
        BodyImages images = images();
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);

        BodyImages.Prepared prepared =
                images.prepare(
                        "<img src=\"%s\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
                                .formatted(png));

        assertThat(uploaded).containsExactly("body-1.png");
        assertThat(prepared.warnings())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.code()).isEqualTo(DeliveryWarning.IMAGE_TYPE_REFUSED);
                            assertThat(w.subject()).startsWith("data:image/gif;base64 (");
                        });
    }

    @Test
    void anImageWeChatRefusesIsLeftOutButABusyWeChatIsPassedOn() {
        BodyImages refusing =
                new BodyImages(
                        (name, image) -> {
                            throw new WeChatRefused("media/uploadimg", 40009, "invalid image size");
                        },
                        List.of(),
                        Duration.ofSeconds(2));
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
        assertThat(refusing.prepare("<img src=\"%s\">".formatted(png)).warnings())
                .extracting(DeliveryWarning::code)
                .containsExactly(DeliveryWarning.IMAGE_TOO_LARGE);

        BodyImages busy =
                new BodyImages(
                        (name, image) -> {
                            throw new WeChatRefused("media/uploadimg", 45009, "quota");
                        },
                        List.of(),
                        Duration.ofSeconds(2));
        assertThatThrownBy(() -> busy.prepare("<img src=\"%s\">".formatted(png)))
                .isInstanceOf(WeChatRefused.class);
    }

    private BodyImages images(String... origins) {
        return new BodyImages(
                (name, image) -> {
                    uploaded.add(name);
                    return "http://mmbiz.qpic.cn/mmbiz_png/" + uploaded.size() + "/0";
                },
                Arrays.stream(origins).map(URI::create).toList(),
                Duration.ofSeconds(2));
    }
}
