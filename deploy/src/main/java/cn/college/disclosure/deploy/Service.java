package cn.college.disclosure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service of the pipeline: its module, where it listens, and the arguments that are its own.
 *
 * @param module the Maven module whose {@code target/*-exec.jar} is run
 * @param port the HTTP port
 * @param title what the service is, for the start-up banner
 * @param args extra command-line arguments (Spring properties) for the local stack
 */
public record Service(String module, int port, String title, List<String> args) {

    /** The services of the local stack, in start order. */
    public static List<Service> all(Path dataDirectory) {
        return List.of(
                new Service(
                        "outside-world-fakes",
                        8089,
                        "outside-world-fakes: fake WeChat, campus platform, WeCom, Huidu and an LED screen",
                        List.of(
                                "--fakes.wechat.callback-url=http://localhost:8082/wechat/callback",
                                // a screen of the demo LED group that polls its feed and
                                // acknowledges it
                                "--fakes.ledscreen.screens[0].screen-id=demo-screen-1",
                                "--fakes.ledscreen.screens[0].key=demo-screen-key",
                                "--fakes.ledscreen.screens[0].group=demo",
                                "--fakes.ledscreen.screens[0].feed-url="
                                        + "http://localhost:8083/led/feeds/demo.json",
                                "--fakes.ledscreen.screens[0].poll-interval=2s")),
                new Service(
                        "publisher-core",
                        8080,
                        "publisher-core: REST API for liaisons, operators and report authors",
                        List.of(
                                "--publisher.media.directory="
                                        + dataDirectory.resolve("media").toAbsolutePath())),
                new Service(
                        "channel-website",
                        8081,
                        "channel-website: the generated college website",
                        List.of(
                                "--channel.website.web-root="
                                        + dataDirectory.resolve("website").toAbsolutePath(),
                                "--channel.media.username=channel-website",
                                "--channel.media.password=demo")),
                new Service(
                        "channel-wechat",
                        8082,
                        "channel-wechat: WeChat Official Account channel, talking to the fake API",
                        List.of(
                                "--channel.wechat.api-host=http://localhost:8089",
                                "--channel.media.username=channel-wechat",
                                "--channel.media.password=demo")),
                new Service(
                        "channel-ledscreen",
                        8083,
                        "channel-ledscreen: LED screen feeds (ticker: /led/feeds/demo.html)",
                        List.of()),
                new Service(
                        "channel-campus-platform",
                        8084,
                        "channel-campus-platform: signed webhooks to the (fake) campus platform",
                        List.of(
                                "--channel.campus-platform.webhook.url="
                                        + "http://localhost:8089/campus/webhooks/notices",
                                "--channel.media.username=channel-campus-platform",
                                "--channel.media.password=demo")));
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port + "/");
    }

    public URI health() {
        return baseUrl().resolve("actuator/health");
    }

    /** The module's executable jar under {@code root}. */
    public Path jar(Path root) {
        return executableJar(root.resolve(module).resolve("target"));
    }

    /** The executable jar ({@code *-exec.jar}) in a module's build directory. */
    public static Path executableJar(Path target) {
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElse(target.resolve("missing-exec.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
