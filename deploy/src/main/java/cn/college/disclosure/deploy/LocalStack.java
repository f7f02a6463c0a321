package cn.college.disclosure.deploy;

import cn.college.disclosure.localpostgres.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: embedded PostgreSQL, a single-node KRaft broker in its own JVM, and every
 * service as its own process, all keeping their data under one directory so that a second run
 * carries on where the first stopped. Ctrl-C stops everything in reverse order.
 *
 * <p>Arguments: {@code --root=DIR} (the checkout, default the working directory), {@code
 * --data-dir=DIR} (default {@code <root>/data}), {@code --postgres-port=N} (54329), {@code
 * --kafka-port=N} (9092).
 */
public final class LocalStack {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path root;
    private final Path data;
    private final int postgresPort;
    private final int kafkaPort;
    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());

    LocalStack(Path root, Path data, int postgresPort, int kafkaPort) {
        this.root = root;
        this.data = data;
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        LocalStack stack =
                new LocalStack(
                        root,
                        Path.of(options.getOrDefault("data-dir", root.resolve("data").toString()))
                                .toAbsolutePath(),
                        Integer.parseInt(options.getOrDefault("postgres-port", "54329")),
                        Integer.parseInt(options.getOrDefault("kafka-port", "9092")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stack.stop();
                                    stopped.countDown();
                                },
                                "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() {
        List<Service> services = Service.all(data);
        requireFree(postgresPort, "PostgreSQL");
        requireFree(kafkaPort, "Kafka");
        requireFree(kafkaPort + 1, "the Kafka controller");
        services.forEach(service -> requireFree(service.port(), service.module()));

        Path logs = data.resolve("logs");
        say(
                "Starting PostgreSQL (embedded) on port %d, data in %s",
                postgresPort, data.resolve("postgres"));
        LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), postgresPort);
        running.add(postgres);

        say(
                "Starting Kafka (KRaft, its own JVM) on port %d, data in %s",
                kafkaPort, data.resolve("kafka"));
        ServiceProcess kafka =
                ServiceProcess.start(
                        "kafka",
                        Service.executableJar(root.resolve("local-kafka/target")),
                        List.of("-Xmx512m"),
                        List.of(
                                "--data-dir=" + data.resolve("kafka"),
                                "--port=" + kafkaPort,
                                "--controller-port=" + (kafkaPort + 1)),
                        logs,
                        null);
        running.add(kafka);
        kafka.awaitPort(kafkaPort, START_TIMEOUT);

        List<String> common =
                List.of(
                        "--spring.profiles.active=local",
                        "--spring.datasource.url=jdbc:postgresql://localhost:"
                                + postgresPort
                                + "/postgres",
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort);
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : services) {
            say(
                    "Starting %s on port %d (log: %s)",
                    service.module(), service.port(), logs.resolve(service.module() + ".log"));
            List<String> args = new ArrayList<>(common);
            args.addAll(service.args());
            ServiceProcess process =
                    ServiceProcess.start(
                            service.module(),
                            service.jar(root),
                            List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                            args,
                            logs,
                            service.health());
            running.add(process);
            started.add(process);
        }
        started.forEach(process -> process.awaitHealthy(START_TIMEOUT));
        banner(services);
    }

    /** Stops the services together, then the broker, then the database. */
    void stop() {
        List<AutoCloseable> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        List<ServiceProcess> services =
                reversed.subList(0, Math.max(0, reversed.size() - 2)).stream()
                        .map(ServiceProcess.class::cast)
                        .toList();
        services.forEach(ServiceProcess::requestStop);
        Instant start = Instant.now();
        for (ServiceProcess service : services) {
            boolean graceful = service.awaitStopped(STOP_GRACE);
            say(
                    "%s %s after %d ms",
                    service.name(),
                    graceful ? "stopped" : "killed",
                    Duration.between(start, Instant.now()).toMillis());
        }
        reversed.subList(services.size(), reversed.size()).forEach(LocalStack::closeQuietly);
        running.clear();
        say("Stopped. Data kept in %s", data);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    private void banner(List<Service> services) {
        StringBuilder text = new StringBuilder("\nThe pipeline is up.\n\n");
        for (Service service : services) {
            text.append("  %-24s %s%n".formatted(service.baseUrl(), service.title()));
        }
        text.append(
                """

                  Demo logins (HTTP Basic on /api, password "demo" for all):
                    liaison   信息联络员, 教务处
                    liaison2  信息联络员, 学生处
                    operator  渠道运维
                    reporter  年报撰写
                    admin     管理员

                  Try it:
                    curl -u liaison:demo -H 'Content-Type: application/json' \\
                         -d '{"title":"2021年招生章程","body":"<p>招生章程全文</p>","catalogueItem":7}' \\
                         http://localhost:8080/api/items

                  Logs: %s   Data: %s
                  Ctrl-C stops everything; the next ./run-local keeps the data.
                """
                        .formatted(data.resolve("logs"), data));
        System.out.println(text);
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Port "
                            + port
                            + " for "
                            + what
                            + " is in use: is another ./run-local still running?");
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("[run-local] " + format.formatted(args));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return options;
    }
}
