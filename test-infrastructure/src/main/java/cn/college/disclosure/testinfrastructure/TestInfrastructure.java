package cn.college.disclosure.testinfrastructure;

import cn.college.disclosure.localkafka.KraftBroker;
import cn.college.disclosure.localpostgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One broker and one database for the whole test JVM, started on first use and stopped when the JVM
 * exits. Where a Docker engine answers, they are Testcontainers ({@code apache/kafka}, {@code
 * postgres}); elsewhere Kafka's own KRaft server runs in-process and zonky's embedded PostgreSQL
 * runs as a child process. Set {@code -Dpipeline.infrastructure=in-process} to skip the Docker
 * probe. An S3-compatible store ({@link #s3()}) is started only for the tests that ask for it:
 * MinIO in a container, or Adobe's S3Mock as a child process.
 */
public abstract sealed class TestInfrastructure {

    private static @Nullable TestInfrastructure instance;

    /** The JVM's infrastructure, started on first call. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = dockerAnswers() ? new Containers() : new InProcess();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(instance::shutdown, "test-infrastructure-shutdown"));
        }
        return instance;
    }

    private static boolean dockerAnswers() {
        String choice =
                System.getProperty("pipeline.infrastructure", "auto").toLowerCase(Locale.ROOT);
        if (choice.equals("in-process")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public abstract String kafkaBootstrapServers();

    public abstract String jdbcUrl();

    public abstract String username();

    public abstract String password();

    /** Makes the broker unreachable while keeping its address and data, as an outage would. */
    public abstract void stopKafka();

    /** Brings the broker back at the same address with the same data. */
    public abstract void startKafka();

    /** Whether the servers are containers rather than in-process. */
    public abstract boolean usesContainers();

    /**
     * The S3-compatible store, its bucket {@link S3Endpoint#BUCKET} created; started on first call.
     */
    public abstract S3Endpoint s3();

    abstract void shutdown();

    static final class InProcess extends TestInfrastructure {

        private final KraftBroker kafka = KraftBroker.onFreePorts().start();
        private final LocalPostgres postgres;
        private @Nullable S3MockProcess s3;

        InProcess() {
            try {
                postgres = LocalPostgres.start(Files.createTempDirectory("postgres-"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String jdbcUrl() {
            return postgres.jdbcUrl();
        }

        @Override
        public String username() {
            return postgres.username();
        }

        @Override
        public String password() {
            return postgres.password();
        }

        @Override
        public void stopKafka() {
            kafka.stop();
        }

        @Override
        public void startKafka() {
            kafka.start();
        }

        @Override
        public boolean usesContainers() {
            return false;
        }

        @Override
        public synchronized S3Endpoint s3() {
            if (s3 == null) {
                s3 = S3MockProcess.start();
            }
            return s3.endpoint();
        }

        /**
         * Stops the database, a child process that would outlive the JVM. The broker's threads end
         * with the JVM; stopping it here would pull it away from the application contexts that are
         * closing at the same time, and their last sends would wait for it.
         */
        @Override
        synchronized void shutdown() {
            postgres.close();
            if (s3 != null) {
                s3.stop();
            }
        }
    }

    static final class Containers extends TestInfrastructure {

        private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        private @Nullable MinIOContainer minio;

        Containers() {
            kafka.start();
            postgres.start();
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String jdbcUrl() {
            return postgres.getJdbcUrl();
        }

        @Override
        public String username() {
            return postgres.getUsername();
        }

        @Override
        public String password() {
            return postgres.getPassword();
        }

        @Override
        public void stopKafka() {
            // paused, not stopped: a stopped container comes back on another mapped port
            DockerClientFactory.instance()
                    .client()
                    .pauseContainerCmd(kafka.getContainerId())
                    .exec();
        }

        @Override
        public void startKafka() {
            DockerClientFactory.instance()
                    .client()
                    .unpauseContainerCmd(kafka.getContainerId())
                    .exec();
        }

        @Override
        public boolean usesContainers() {
            return true;
        }

        /** MinIO, with the bucket made by the image's own client ({@code mc mb}). */
        @Override
        public synchronized S3Endpoint s3() {
            if (minio == null) {
                MinIOContainer container =
                        new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");
                container.start();
                try {
                    var made =
                            container.execInContainer(
                                    "sh",
                                    "-c",
                                    "mc alias set local http://localhost:9000 "
                                            + container.getUserName()
                                            + " "
                                            + container.getPassword()
                                            + " && mc mb --ignore-existing local/"
                                            + S3Endpoint.BUCKET);
                    if (made.getExitCode() != 0) {
                        throw new IllegalStateException(
                                "MinIO did not make the bucket: " + made.getStderr());
                    }
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted making the MinIO bucket", e);
                }
                minio = container;
            }
            return new S3Endpoint(
                    java.net.URI.create(minio.getS3URL()),
                    "us-east-1",
                    S3Endpoint.BUCKET,
                    minio.getUserName(),
                    minio.getPassword());
        }

        @Override
        synchronized void shutdown() {
            kafka.stop();
            postgres.stop();
            if (minio != null) {
                minio.stop();
            }
        }
    }
}
