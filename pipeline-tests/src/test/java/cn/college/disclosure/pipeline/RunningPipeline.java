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
 * accounts exist), each on a free port: publisher-core, the website, WeChat and campus-platform
 * channels, and the fakes of WeChat and the campus platform they talk to.
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
                "--fakes.wechat.callback-url=http://localhost:" + wechatPort + "/wechat/callback");
        start("publisher-core", corePort, common, "--publisher.website.base-url=" + websiteUrl());
        start(
                "channel-website",
                websitePort,
                common,
                "--channel.website.web-root=" + webRoot,
                "--channel.website.public-base-url=" + websiteUrl());
        start("channel-wechat", wechatPort, common, "--channel.wechat.api-host=" + fakesUrl());
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
