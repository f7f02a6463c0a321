package cn.college.disclosure.faults;

import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.deploy.PipelineServices;
import cn.college.disclosure.deploy.Service;
import cn.college.disclosure.deploy.ServiceProcess;
import cn.college.disclosure.localpostgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline for fault scenarios, every part its own process that can be killed with {@code
 * kill -9} and started again on the same ports and data: PostgreSQL (zonky's server on a fixed
 * directory and port), Kafka (local-kafka's broker in its own JVM on a fixed directory and port, as
 * {@code ./run-local} runs it), the fakes, publisher-core and the four channels ({@link
 * PipelineServices}), with WeChat's API and the campus platform's webhook reached through a {@link
 * FaultProxy} each.
 */
final class FaultStack implements AutoCloseable {

    /** The channels' consumer groups and ledger schemas, by the core's channel constant. */
    static final Map<String, String> GROUPS =
            Map.of(
                    "WEBSITE", "channel-website",
                    "WECHAT", "channel-wechat",
                    "LED_SCREEN", "channel-led-screen",
                    "CAMPUS_PLATFORM", "channel-campus-platform");

    static final Map<String, String> SCHEMAS =
            Map.of(
                    "WEBSITE", "channel_website",
                    "WECHAT", "channel_wechat",
                    "LED_SCREEN", "channel_ledscreen",
                    "CAMPUS_PLATFORM", "channel_campus_platform");

    static final Map<String, String> MODULES =
            Map.of(
                    "WEBSITE", "channel-website",
                    "WECHAT", "channel-wechat",
                    "LED_SCREEN", "channel-ledscreen",
                    "CAMPUS_PLATFORM", "channel-campus-platform");

    private static final Duration START = Duration.ofMinutes(4);

    private final Path root =
            Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private final Path home;
    private final int postgresPort = freePort();
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final PipelineServices.Ports ports = PipelineServices.Ports.free();
    private final FaultProxy wechatProxy;
    private final FaultProxy campusProxy;
    private final ServiceProcess kafka;
    private LocalPostgres postgres;
    private final PipelineServices services;
    private boolean closed;
    private final List<FaultScenario.Approved> approved =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /**
     * @param name the stack's directory under {@code fault-tests/target/fault-stacks}
     * @param fakes properties for the fakes, e.g. {@code fakes.wechat.publish-delay=8s}
     */
    FaultStack(String name, Map<String, String> fakes) {
        // a test JVM ended from outside (Ctrl-C, a CI timeout) leaves no process behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-stack-" + name));
        home = root.resolve("fault-tests/target/fault-stacks").resolve(name);
        deleteRecursively(home);
        postgres = LocalPostgres.start(home.resolve("postgres"), postgresPort);
        kafka =
                ServiceProcess.start(
                        "kafka",
                        Service.executableJar(root.resolve("local-kafka/target")),
                        List.of("-Xmx384m"),
                        List.of(
                                "--data-dir=" + home.resolve("kafka"),
                                "--port=" + kafkaPort,
                                "--controller-port=" + controllerPort),
                        home.resolve("logs"),
                        null);
        kafka.awaitPort(kafkaPort, START);
        URI fakesUrl = ports.url("outside-world-fakes");
        wechatProxy = new FaultProxy("wechat-api", fakesUrl);
        campusProxy = new FaultProxy("campus-platform", fakesUrl);
        try {
            Files.createDirectories(home.resolve("website"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services =
                new PipelineServices(
                        root,
                        new PipelineServices.Backing(
                                jdbcUrl(), postgres.username(), postgres.password(), bootstrap()),
                        ports,
                        home.resolve("website"),
                        home.resolve("logs"),
                        Map.of(
                                "outside-world-fakes",
                                fakes,
                                "channel-wechat",
                                Map.of(
                                        "channel.wechat.api-host",
                                        wechatProxy.url().toString().replaceAll("/$", "")),
                                "channel-campus-platform",
                                Map.of(
                                        "channel.campus-platform.webhook.url",
                                        campusProxy
                                                .url()
                                                .resolve("campus/webhooks/notices")
                                                .toString())));
    }

    /** Every item approved on this stack so far, over all scenarios. */
    List<FaultScenario.Approved> approved() {
        synchronized (approved) {
            return List.copyOf(approved);
        }
    }

    void approvedNow(FaultScenario.Approved item) {
        approved.add(item);
    }

    URI url(String module) {
        return services.url(module);
    }

    Path webRoot() {
        return home.resolve("website");
    }

    FaultProxy wechatProxy() {
        return wechatProxy;
    }

    FaultProxy campusProxy() {
        return campusProxy;
    }

    ServiceProcess service(String module) {
        return services.service(module);
    }

    /** {@code kill -9} of a service. */
    void kill(String module) {
        services.service(module).kill();
    }

    /** Starts a killed or stopped service again, same arguments, and waits until it is healthy. */
    void restart(String module) {
        services.service(module).restart().awaitHealthy(START);
    }

    /** A graceful stop (SIGTERM): the consumer leaves its group. */
    void stop(String module) {
        ServiceProcess process = services.service(module);
        process.requestStop();
        process.awaitStopped(Duration.ofSeconds(30));
    }

    /** {@code kill -9} of the broker; its data stays on disk. */
    void killKafka() {
        kafka.kill();
    }

    /** The broker again on the same data directory and port. */
    void startKafka() {
        kafka.restart().awaitPort(kafkaPort, START);
    }

    /** Stops PostgreSQL ({@code pg_ctl stop -m fast}); its data stays on disk. */
    void stopPostgres() {
        postgres.close();
    }

    /** PostgreSQL again on the same data directory and port. */
    void startPostgres() {
        postgres = LocalPostgres.start(home.resolve("postgres"), postgresPort);
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    /**
     * The channel's consumer group, with no member left, back to the earliest offset of every
     * partition of the publications topic (Kafka's Admin API): its next start replays everything.
     */
    void resetToEarliest(String group) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .until(
                            () -> {
                                ConsumerGroupDescription description =
                                        admin.describeConsumerGroups(List.of(group))
                                                .describedGroups()
                                                .get(group)
                                                .get();
                                return description.groupState() == GroupState.EMPTY;
                            });
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(Topics.PUBLICATIONS))
                            .allTopicNames()
                            .get()
                            .get(Topics.PUBLICATIONS)
                            .partitions()
                            .stream()
                            .map(info -> new TopicPartition(Topics.PUBLICATIONS, info.partition()))
                            .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest =
                    admin.listOffsets(
                                    partitions.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            p -> p, p -> OffsetSpec.earliest())))
                            .all()
                            .get();
            admin.alterConsumerGroupOffsets(
                            group,
                            earliest.entrySet().stream()
                                    .collect(
                                            Collectors.toMap(
                                                    Map.Entry::getKey,
                                                    e ->
                                                            new OffsetAndMetadata(
                                                                    e.getValue().offset()))))
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not reset " + group, e);
        }
    }

    /** The number of distinct items the channel's own ledger holds as delivered. */
    long ledgerCount(String channel) {
        String sql =
                "select count(distinct item_id) from "
                        + SCHEMAS.get(channel)
                        + ".delivery where status in ('DELIVERED', 'RETRACTED')";
        try (Connection connection =
                        DriverManager.getConnection(
                                jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Stops everything it started; safe to call twice, and from the shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // read while the constructor may still be running (the hook): any part may be missing
        PipelineServices started = services;
        if (started != null) {
            started.close();
        }
        for (FaultProxy proxy : new FaultProxy[] {wechatProxy, campusProxy}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.delete(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
