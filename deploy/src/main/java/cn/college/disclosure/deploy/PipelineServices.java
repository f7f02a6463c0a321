package cn.college.disclosure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's services running as their own processes, from the executable jars the build made,
 * against a broker and database someone else runs, in the {@code local} profile (so the demo
 * accounts exist), each on a port of its own: the fakes of the outside world (WeChat, the campus
 * platform, a polling LED screen of the demo group), publisher-core and all four channels. Used by
 * the end-to-end tests and the fault tests; {@link #service(String)} gives a service's process to
 * kill and restart.
 */
public final class PipelineServices implements AutoCloseable {

    /** The modules, in start order. */
    public static final List<String> MODULES =
            List.of(
                    "outside-world-fakes",
                    "publisher-core",
                    "channel-website",
                    "channel-wechat",
                    "channel-ledscreen",
                    "channel-campus-platform");

    /** The channels that read a publication's files from publisher-core's media API. */
    private static final List<String> READS_MEDIA =
            List.of("channel-website", "channel-wechat", "channel-campus-platform");

    /**
     * What the services run against.
     *
     * @param jdbcUrl the database every service shares (each migrates its own schema)
     * @param username its user
     * @param password its password
     * @param kafkaBootstrapServers the broker
     */
    public record Backing(
            String jdbcUrl, String username, String password, String kafkaBootstrapServers) {}

    /**
     * The HTTP port of each service, chosen before any starts so that each can be told where the
     * others are (and a fault proxy can be put between two of them).
     */
    public record Ports(int core, int website, int wechat, int ledscreen, int campus, int fakes) {

        /** Ports free on this machine now. */
        public static Ports free() {
            return new Ports(
                    freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }

        int of(String module) {
            return switch (module) {
                case "publisher-core" -> core;
                case "channel-website" -> website;
                case "channel-wechat" -> wechat;
                case "channel-ledscreen" -> ledscreen;
                case "channel-campus-platform" -> campus;
                case "outside-world-fakes" -> fakes;
                default -> throw new IllegalArgumentException("No service " + module);
            };
        }

        public URI url(String module) {
            return URI.create("http://localhost:" + of(module) + "/");
        }
    }

    private final Path root;
    private final Ports ports;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    /**
     * Starts every service and waits until each is healthy.
     *
     * @param root the checkout, whose modules' {@code target} hold the jars
     * @param webRoot where the website channel writes the site
     * @param logDirectory where each service's log goes
     * @param overrides per module, Spring properties (without {@code --}) that replace the defaults
     *     or add to them, e.g. {@code channel-wechat → channel.wechat.api-host=http://proxy}
     */
    public PipelineServices(
            Path root,
            Backing backing,
            Ports ports,
            Path webRoot,
            Path logDirectory,
            Map<String, Map<String, String>> overrides) {
        this.root = root;
        this.ports = ports;
        for (String module : MODULES) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.profiles.active", "local");
            properties.put("spring.datasource.url", backing.jdbcUrl());
            properties.put("spring.datasource.username", backing.username());
            properties.put("spring.datasource.password", backing.password());
            properties.put("spring.kafka.bootstrap-servers", backing.kafkaBootstrapServers());
            properties.put("server.port", Integer.toString(ports.of(module)));
            properties.putAll(defaults(module, webRoot));
            properties.putAll(overrides.getOrDefault(module, Map.of()));
            List<String> args = new ArrayList<>();
            properties.forEach((name, value) -> args.add("--" + name + "=" + value));
            processes.put(
                    module,
                    ServiceProcess.start(
                            module,
                            Service.executableJar(root.resolve(module).resolve("target")),
                            List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"),
                            args,
                            logDirectory,
                            ports.url(module).resolve("actuator/health")));
        }
        try {
            processes.values().forEach(process -> process.awaitHealthy(Duration.ofMinutes(4)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Map<String, String> defaults(String module, Path webRoot) {
        Map<String, String> defaults = new LinkedHashMap<>();
        switch (module) {
            case "outside-world-fakes" -> {
                defaults.put(
                        "fakes.wechat.callback-url",
                        ports.url("channel-wechat").resolve("wechat/callback").toString());
                // a screen of the demo LED group that polls its feed and acknowledges it
                defaults.put("fakes.ledscreen.screens[0].screen-id", "demo-screen-1");
                defaults.put("fakes.ledscreen.screens[0].key", "demo-screen-key");
                defaults.put("fakes.ledscreen.screens[0].group", "demo");
                defaults.put(
                        "fakes.ledscreen.screens[0].feed-url",
                        ports.url("channel-ledscreen").resolve("led/feeds/demo.json").toString());
                defaults.put("fakes.ledscreen.screens[0].poll-interval", "500ms");
            }
            case "publisher-core" -> {
                defaults.put("publisher.website.base-url", ports.url("channel-website").toString());
                defaults.put("publisher.media.api-url", ports.url("publisher-core").toString());
                // beside the web root: a run's uploads go where its site goes
                defaults.put(
                        "publisher.media.directory",
                        webRoot.resolveSibling(webRoot.getFileName() + "-media").toString());
            }
            case "channel-website" -> {
                defaults.put("channel.website.web-root", webRoot.toString());
                defaults.put(
                        "channel.website.public-base-url", ports.url("channel-website").toString());
            }
            case "channel-wechat" ->
                    defaults.put(
                            "channel.wechat.api-host", ports.url("outside-world-fakes").toString());
            case "channel-campus-platform" ->
                    defaults.put(
                            "channel.campus-platform.webhook.url",
                            ports.url("outside-world-fakes")
                                    .resolve("campus/webhooks/notices")
                                    .toString());
            default -> {}
        }
        if (READS_MEDIA.contains(module)) {
            // the demo service account of the channel (publisher-core's local profile)
            defaults.put("channel.media.core-url", ports.url("publisher-core").toString());
            defaults.put("channel.media.username", module);
            defaults.put("channel.media.password", "demo");
        }
        return defaults;
    }

    /** The running process of a module, to kill, stop or restart. */
    public ServiceProcess service(String module) {
        ServiceProcess process = processes.get(module);
        if (process == null) {
            throw new IllegalArgumentException("No service " + module);
        }
        return process;
    }

    public Ports ports() {
        return ports;
    }

    public URI url(String module) {
        return ports.url(module);
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(processes.values());
        running.forEach(ServiceProcess::requestStop);
        running.forEach(process -> process.awaitStopped(Duration.ofSeconds(20)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
