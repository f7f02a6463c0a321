package cn.college.disclosure.pipeline;

import cn.college.disclosure.deploy.Service;
import cn.college.disclosure.deploy.ServiceProcess;
import cn.college.disclosure.testinfrastructure.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's services running as their own processes, from the executable jars the build just
 * made, against the test JVM's broker and database, in the {@code local} profile (so the demo
 * accounts exist), each on a free port: publisher-core, all four channels, and the fakes they talk
 * to (WeChat, the campus platform, a polling LED screen of the demo group).
 */
final class RunningPipeline implements AutoCloseable {

    private final Path root =
            Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private final Path webRoot;
    private final int corePort = freePort();
    private final int websitePort = freePort();
    private final int wechatPort = freePort();
    private final int fakesPort = freePort();
    private final int campusPort = freePort();
    private final int ledPort = freePort();
    private final List<ServiceProcess> processes = new ArrayList<>();

    RunningPipeline() {
        try {
            webRoot = Files.createTempDirectory("website-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestInfrastructure infrastructure = TestInfrastructure.get();
        List<String> common =
                List.of(
                        "--spring.profiles.active=local",
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                        "--spring.datasource.username=" + infrastructure.username(),
                        "--spring.datasource.password=" + infrastructure.password(),
                        "--spring.kafka.bootstrap-servers="
                                + infrastructure.kafkaBootstrapServers());
        start(
                "outside-world-fakes",
                fakesPort,
                common,
                "--fakes.wechat.callback-url=http://localhost:" + wechatPort + "/wechat/callback",
                // a screen of the demo LED group that polls its feed and acknowledges it
                "--fakes.ledscreen.screens[0].screen-id=demo-screen-1",
                "--fakes.ledscreen.screens[0].key=demo-screen-key",
                "--fakes.ledscreen.screens[0].group=demo",
                "--fakes.ledscreen.screens[0].feed-url=" + ledUrl() + "led/feeds/demo.json",
                "--fakes.ledscreen.screens[0].poll-interval=500ms");
        start("publisher-core", corePort, common, "--publisher.website.base-url=" + websiteUrl());
        start(
                "channel-website",
                websitePort,
                common,
                "--channel.website.web-root=" + webRoot,
                "--channel.website.public-base-url=" + websiteUrl());
        start("channel-wechat", wechatPort, common, "--channel.wechat.api-host=" + fakesUrl());
        start("channel-ledscreen", ledPort, common);
        start(
                "channel-campus-platform",
                campusPort,
                common,
                "--channel.campus-platform.webhook.url=" + fakesUrl() + "campus/webhooks/notices");
        processes.forEach(process -> process.awaitHealthy(Duration.ofMinutes(3)));
    }

    private void start(String module, int port, List<String> common, String... own) {
        List<String> args = new ArrayList<>(common);
        args.add("--server.port=" + port);
        args.addAll(List.of(own));
        processes.add(
                ServiceProcess.start(
                        module,
                        new Service(module, port, module, List.of(own)).jar(root),
                        List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"),
                        args,
                        root.resolve("pipeline-tests/target/service-logs"),
                        URI.create("http://localhost:" + port + "/actuator/health")));
    }

    URI coreUrl() {
        return URI.create("http://localhost:" + corePort + "/");
    }

    URI websiteUrl() {
        return URI.create("http://localhost:" + websitePort + "/");
    }

    /** The fake WeChat API, with its sandbox at {@code sandbox/wechat/articles}. */
    URI fakesUrl() {
        return URI.create("http://localhost:" + fakesPort + "/");
    }

    URI ledUrl() {
        return URI.create("http://localhost:" + ledPort + "/");
    }

    Path webRoot() {
        return webRoot;
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
