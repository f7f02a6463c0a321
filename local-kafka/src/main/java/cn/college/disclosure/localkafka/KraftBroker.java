package cn.college.disclosure.localkafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own KRaft server, one node acting as broker and controller, on fixed ports and a data
 * directory that survives restarts. {@link #stop()} and {@link #start()} may alternate, which is
 * how tests take the broker away under a running producer.
 */
public final class KraftBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private @Nullable KafkaRaftServer server;

    public KraftBroker(Path dataDirectory, int port, int controllerPort) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on two free ports and a fresh temporary directory. */
    public static KraftBroker onFreePorts() {
        try {
            return new KraftBroker(Files.createTempDirectory("kraft-"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Formats the directory on first use, then starts the server and waits until it serves. */
    public synchronized KraftBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(settings());
        formatOnce();
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
        return this;
    }

    /** Stops the server; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDirectory.toString());
        // one node: every internal topic has a single replica
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("num.partitions", "3");
        return settings;
    }

    private void formatOnce() {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(System.out)
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not format KRaft storage in " + dataDirectory, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Runs the broker as its own process until it is told to stop (SIGTERM, Ctrl-C).
     *
     * <p>Arguments: {@code --data-dir=DIR --port=N --controller-port=N}.
     */
    public static void main(String[] args) throws InterruptedException {
        quietenKafkaLogs();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        KraftBroker broker =
                new KraftBroker(
                        Path.of(options.getOrDefault("data-dir", "data/kafka")),
                        Integer.parseInt(options.getOrDefault("port", "9092")),
                        Integer.parseInt(options.getOrDefault("controller-port", "9093")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    broker.stop();
                                    stopped.countDown();
                                },
                                "kraft-broker-shutdown"));
        broker.start();
        System.out.println("Kafka broker (KRaft) ready on " + broker.bootstrapServers());
        stopped.await();
    }

    private static void quietenKafkaLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("org.apache.kafka").setLevel(Level.WARN);
            context.getLogger("kafka").setLevel(Level.WARN);
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
    }
}
