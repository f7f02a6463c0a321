package cn.college.disclosure.testinfrastructure;

import cn.college.disclosure.localkafka.KraftBroker;
import cn.college.disclosure.localpostgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One broker and one database for the whole test JVM, started on first use and stopped when the JVM
 * exits. Where a Docker engine answers, they are Testcontainers ({@code apache/kafka}, {@code
 * postgres}); elsewhere Kafka's own KRaft server runs in-process and zonky's embedded PostgreSQL
 * runs as a child process. Set {@code -Dpipeline.infrastructure=in-process} to skip the Docker
 * probe.
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

    abstract void shutdown();

    static final class InProcess extends TestInfrastructure {

        private final KraftBroker kafka = KraftBroker.onFreePorts().start();
        private final LocalPostgres postgres;

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

        /**
         * Stops the database, a child process that would outlive the JVM. The broker's threads end
         * with the JVM; stopping it here would pull it away from the application contexts that are
         * closing at the same time, and their last sends would wait for it.
         */
        @Override
        void shutdown() {
            postgres.close();
        }
    }

    static final class Containers extends TestInfrastructure {

        private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

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

        @Override
        void shutdown() {
            kafka.stop();
            postgres.stop();
        }
    }
}
