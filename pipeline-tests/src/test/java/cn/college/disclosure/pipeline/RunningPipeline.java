package cn.college.disclosure.pipeline;

import cn.college.disclosure.deploy.PipelineServices;
import cn.college.disclosure.testinfrastructure.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The pipeline's services ({@link PipelineServices}: publisher-core, all four channels and the
 * fakes they talk to, each its own process from its executable jar) against the test JVM's broker
 * and database.
 */
final class RunningPipeline implements AutoCloseable {

    private final Path webRoot;
    private final PipelineServices services;

    RunningPipeline() {
        try {
            webRoot = Files.createTempDirectory("website-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        TestInfrastructure infrastructure = TestInfrastructure.get();
        services =
                new PipelineServices(
                        root,
                        new PipelineServices.Backing(
                                infrastructure.jdbcUrl(),
                                infrastructure.username(),
                                infrastructure.password(),
                                infrastructure.kafkaBootstrapServers()),
                        PipelineServices.Ports.free(),
                        webRoot,
                        root.resolve("pipeline-tests/target/service-logs"),
                        Map.of());
    }

    URI coreUrl() {
        return services.url("publisher-core");
    }

    URI websiteUrl() {
        return services.url("channel-website");
    }

    /** The fake WeChat API, with its sandbox at {@code sandbox/wechat/articles}. */
    URI fakesUrl() {
        return services.url("outside-world-fakes");
    }

    URI ledUrl() {
        return services.url("channel-ledscreen");
    }

    Path webRoot() {
        return webRoot;
    }

    @Override
    public void close() {
        services.close();
    }
}
