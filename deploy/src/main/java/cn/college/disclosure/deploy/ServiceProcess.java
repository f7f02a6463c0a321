package cn.college.disclosure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One service of the pipeline running as its own JVM from its executable jar, with its output in a
 * log file. {@link #awaitHealthy(Duration)} polls its actuator health endpoint. {@link #kill()}
 * ends it as {@code kill -9} would and {@link #restart()} starts it again with the same command,
 * which is how the fault tests take a part of the pipeline away under load.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final @Nullable URI health;
    private volatile Process process;

    private ServiceProcess(String name, List<String> command, Path log, @Nullable URI health) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.health = health;
        this.process = launch();
    }

    /**
     * Starts {@code java -jar jar args...}.
     *
     * @param health the actuator health URL to wait for, or {@code null} for a process without one
     */
    public static ServiceProcess start(
            String name,
            Path jar,
            List<String> jvmOptions,
            List<String> args,
            Path logDirectory,
            @Nullable URI health) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No jar for "
                            + name
                            + " at "
                            + jar
                            + ": build it first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // its own session: Ctrl-C reaches only the launcher, which stops the parts in order
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Files.deleteIfExists(log);
            return new ServiceProcess(name, command, log, health);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Starts the command; a restarted process writes on at the end of the same log. */
    private Process launch() {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hook, no graceful stop. */
    public void kill() {
        Process running = process;
        running.destroyForcibly();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still runs 30 s after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the service again with the same command (same jar, options and arguments, so the same
     * ports and data), after it was killed or stopped; call {@link #awaitHealthy(Duration)} next.
     */
    public synchronized ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs: kill or stop it first");
        }
        process = launch();
        return this;
    }

    /** The operating system's id of the running process. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the process accepts connections on the port; fails early if it dies. */
    public ServiceProcess awaitPort(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return this;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException(name + " did not open port " + port + "; see " + log);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the health endpoint answers UP; fails early if the process dies. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        if (health == null) {
            return this;
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (isUp()) {
                return this;
            }
            pause();
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
    }

    private boolean isUp() {
        try {
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the service to stop: SIGTERM, a graceful Spring shutdown. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Waits for the service to end after {@link #requestStop()}, and kills it if it has not within
     * the grace period.
     *
     * @return whether it ended by itself
     */
    public boolean awaitStopped(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** Stops the service, killing it after 20 s. */
    @Override
    public void close() {
        requestStop();
        awaitStopped(Duration.ofSeconds(20));
    }
}
