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
import java.util.Map;

/**
 * publisher-core and channel-website running as their own processes, from the executable jars the
 * build just made, against the test JVM's broker and database, in the {@code local} profile (so the
 * demo accounts exist), each on a free port.
 */
final class RunningPipeline implements AutoCloseable {

    private final Path root =
            Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private final Path webRoot;
    private final int corePort = freePort();
    private final int websitePort = freePort();
    private final List<ServiceProcess> processes = new ArrayList<>();

    RunningPipeline() {
        try {
            webRoot = Files.createTempDirectory("website-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path logs = root.resolve("pipeline-tests/target/service-logs");
        List<String> common =
                List.of(
                        "--spring.profiles.active=local",
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                        "--spring.datasource.username=" + infrastructure.username(),
                        "--spring.datasource.password=" + infrastructure.password(),
                        "--spring.kafka.bootstrap-servers="
                                + infrastructure.kafkaBootstrapServers());
        Map<String, List<String>> services =
                Map.of(
                        "publisher-core",
                        List.of(
                                "--server.port=" + corePort,
                                "--publisher.website.base-url=" + websiteUrl()),
                        "channel-website",
                        List.of(
                                "--server.port=" + websitePort,
                                "--channel.website.web-root=" + webRoot,
                                "--channel.website.public-base-url=" + websiteUrl()));
        services.forEach(
                (module, own) -> {
                    List<String> args = new ArrayList<>(common);
                    args.addAll(own);
                    int port = module.equals("publisher-core") ? corePort : websitePort;
                    processes.add(
                            ServiceProcess.start(
                                    module,
                                    new Service(module, port, module, own).jar(root),
                                    List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"),
                                    args,
                                    logs,
                                    URI.create("http://localhost:" + port + "/actuator/health")));
                });
        processes.forEach(process -> process.awaitHealthy(Duration.ofMinutes(3)));
    }

    URI coreUrl() {
        return URI.create("http://localhost:" + corePort + "/");
    }

    URI websiteUrl() {
        return URI.create("http://localhost:" + websitePort + "/");
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
