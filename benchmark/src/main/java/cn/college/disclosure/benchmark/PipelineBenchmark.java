package cn.college.disclosure.benchmark;

import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.deploy.Service;
import cn.college.disclosure.deploy.ServiceProcess;
import cn.college.disclosure.localkafka.KraftBroker;
import cn.college.disclosure.localpostgres.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a real broker, a real database, publisher-core and channel-website (from their executable
 * jars) on this machine, then measures:
 *
 * <ol>
 *   <li>the baseline: a plain producer and consumer on the same broker;
 *   <li>the pipeline: items approved through the REST API by several liaisons at once, timed from
 *       the approval request to the website's DELIVERED report on {@code delivery-reports}.
 * </ol>
 *
 * <p>Arguments: {@code --root=DIR --items=N --approvers=N --baseline-messages=N}.
 */
public final class PipelineBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LIAISON =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString("liaison:demo".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int items = Integer.parseInt(options.getOrDefault("items", "300"));
        int approvers = Integer.parseInt(options.getOrDefault("approvers", "4"));
        int baselineMessages = Integer.parseInt(options.getOrDefault("baseline-messages", "20000"));

        Path work = Files.createTempDirectory("benchmark-");
        try (KraftBroker broker = KraftBroker.onFreePorts().start();
                LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"), 0)) {
            String payload = samplePayload();
            say(
                    "Baseline: %d records of %d bytes, plain producer -> consumer",
                    baselineMessages, payload.length());
            PlainKafkaBaseline.Result baseline =
                    PlainKafkaBaseline.run(broker.bootstrapServers(), baselineMessages, payload);
            Latencies baselineOneAtATime =
                    PlainKafkaBaseline.oneAtATime(broker.bootstrapServers(), 200, payload);

            int corePort = freePort();
            int websitePort = freePort();
            URI core = URI.create("http://localhost:" + corePort + "/");
            URI website = URI.create("http://localhost:" + websitePort + "/");
            List<String> common =
                    List.of(
                            "--spring.profiles.active=local",
                            "--spring.datasource.url=" + postgres.jdbcUrl(),
                            "--spring.datasource.username=" + postgres.username(),
                            "--spring.datasource.password=" + postgres.password(),
                            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                            "--logging.level.root=WARN");
            List<ServiceProcess> services = new ArrayList<>();
            try {
                services.add(
                        start(
                                root,
                                work,
                                "publisher-core",
                                corePort,
                                common,
                                List.of("--publisher.website.base-url=" + website)));
                services.add(
                        start(
                                root,
                                work,
                                "channel-website",
                                websitePort,
                                common,
                                List.of(
                                        "--channel.website.web-root=" + work.resolve("site"),
                                        "--channel.website.public-base-url=" + website)));
                services.forEach(service -> service.awaitHealthy(Duration.ofMinutes(3)));

                say("Warming up with 30 items");
                measure(core, broker.bootstrapServers(), 30, approvers, false);
                say("Pipeline: %d items, %d liaisons approving at once", items, approvers);
                PipelineResult pipeline =
                        measure(core, broker.bootstrapServers(), items, approvers, false);
                say("Pipeline: 50 items approved one at a time");
                PipelineResult oneAtATime = measure(core, broker.bootstrapServers(), 50, 1, true);
                String report =
                        report(baseline, pipeline, items, approvers)
                                + oneAtATime(baselineOneAtATime, oneAtATime.approvalToDelivered());
                System.out.println(report);
                Path results = root.resolve("benchmark/target/benchmark-results.md");
                Files.createDirectories(results.getParent());
                Files.writeString(results, report);
                say("Written to %s", results);
            } finally {
                services.forEach(ServiceProcess::close);
            }
        }
    }

    record PipelineResult(
            int delivered,
            Duration elapsed,
            Latencies approvalRequests,
            Latencies approvalToDelivered) {
        double perSecond() {
            return delivered / (elapsed.toNanos() / 1e9);
        }
    }

    /**
     * Creates the drafts, then approves them with {@code approvers} threads; with {@code
     * waitForEach}, each approval waits for its item's DELIVERED report first (unloaded latency).
     */
    private static PipelineResult measure(
            URI core, String bootstrapServers, int items, int approvers, boolean waitForEach)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            JsonNode created =
                    send(
                            core,
                            "api/items",
                            """
                            {"title":"基准测试通知 %d","summary":"性能测试","body":"<p>%s</p>",
                             "catalogueItem":%d,"channels":["WEBSITE"]}"""
                                    .formatted(i, "正文内容".repeat(100), 1 + i % 50));
            ids.add(created.path("id").asString());
        }

        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        Map<String, Long> approvalRequest = new ConcurrentHashMap<>();
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread reports =
                new Thread(
                        () -> collectDelivered(bootstrapServers, deliveredAt, listening),
                        "report-collector");
        reports.start();

        ExecutorService pool = Executors.newFixedThreadPool(approvers);
        long start = System.nanoTime();
        for (String id : ids) {
            pool.submit(
                    () -> {
                        long before = System.nanoTime();
                        approvedAt.put(id, before);
                        send(core, "api/items/" + id + "/approve", "{}");
                        approvalRequest.put(id, System.nanoTime() - before);
                        while (waitForEach && !deliveredAt.containsKey(id)) {
                            Thread.onSpinWait();
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!deliveredAt.keySet().containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        listening.set(false);
        reports.join();

        List<Long> endToEnd = new ArrayList<>();
        long last = start;
        for (String id : ids) {
            Long delivered = deliveredAt.get(id);
            if (delivered != null) {
                endToEnd.add(delivered - approvedAt.get(id));
                last = Math.max(last, delivered);
            }
        }
        return new PipelineResult(
                endToEnd.size(),
                Duration.ofNanos(last - start),
                Latencies.of(approvalRequest.values()),
                Latencies.of(endToEnd));
    }

    private static void collectDelivered(
            String bootstrapServers, Map<String, Long> deliveredAt, AtomicBoolean listening) {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.DELIVERY_REPORTS).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (listening.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    JsonNode report = JSON.readTree(record.value());
                    if ("WEBSITE".equals(report.path("channel").asString())
                            && "DELIVERED".equals(report.path("status").asString())) {
                        deliveredAt.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        }
    }

    private static String report(
            PlainKafkaBaseline.Result baseline, PipelineResult pipeline, int items, int approvers) {
        return """

                ## Benchmark (%d cores, %s)

                | measure | plain producer -> consumer | pipeline: approve -> website DELIVERED |
                |---|---|---|
                | messages / items | %d | %d of %d delivered |
                | throughput | %.0f records/s | %.1f items/s |
                | latency p50 | %s | %s |
                | latency p99 | %s | %s |
                | latency max | %s | %s |

                Approval request (HTTP, %d liaisons at once): p50 %s, p99 %s.
                Pipeline / baseline under load: throughput %.4f, p50 latency %.1fx.
                """
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        baseline.messages(),
                        pipeline.delivered(),
                        items,
                        baseline.perSecond(),
                        pipeline.perSecond(),
                        Latencies.millis(baseline.latencies().percentile(50)),
                        Latencies.millis(pipeline.approvalToDelivered().percentile(50)),
                        Latencies.millis(baseline.latencies().percentile(99)),
                        Latencies.millis(pipeline.approvalToDelivered().percentile(99)),
                        Latencies.millis(baseline.latencies().percentile(100)),
                        Latencies.millis(pipeline.approvalToDelivered().percentile(100)),
                        approvers,
                        Latencies.millis(pipeline.approvalRequests().percentile(50)),
                        Latencies.millis(pipeline.approvalRequests().percentile(99)),
                        pipeline.perSecond() / baseline.perSecond(),
                        (double) pipeline.approvalToDelivered().percentile(50).toNanos()
                                / Math.max(1, baseline.latencies().percentile(50).toNanos()));
    }

    private static String oneAtATime(Latencies baseline, Latencies pipeline) {
        return """

                One at a time (unloaded): plain send -> ack -> consume, %d records: p50 %s, p99 %s;
                pipeline approve -> website DELIVERED, %d items: p50 %s, p99 %s.
                """
                .formatted(
                        baseline.count(),
                        Latencies.millis(baseline.percentile(50)),
                        Latencies.millis(baseline.percentile(99)),
                        pipeline.count(),
                        Latencies.millis(pipeline.percentile(50)),
                        Latencies.millis(pipeline.percentile(99)));
    }

    private static ServiceProcess start(
            Path root, Path work, String module, int port, List<String> common, List<String> own) {
        List<String> args = new ArrayList<>(common);
        args.add("--server.port=" + port);
        args.addAll(own);
        Service service = new Service(module, port, module, own);
        return ServiceProcess.start(
                module,
                service.jar(root),
                List.of("-Xmx512m"),
                args,
                work.resolve("logs"),
                URI.create("http://localhost:" + port + "/actuator/health"));
    }

    private static JsonNode send(URI base, String path, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", LIAISON)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String samplePayload() {
        return "{\"title\":\"基准测试\",\"bodyHtml\":\"<p>" + "正文内容".repeat(400) + "</p>\"}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("[benchmark] " + format.formatted(args));
    }

    private PipelineBenchmark() {}
}
