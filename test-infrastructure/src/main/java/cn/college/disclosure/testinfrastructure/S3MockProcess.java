package cn.college.disclosure.testinfrastructure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Adobe's S3Mock, run from its executable jar (a test dependency) as a child process of the test
 * JVM, on a free port, with the bucket created ({@code
 * com.adobe.testing.s3mock.store.initial-buckets}) and its files in a temporary directory. S3Mock
 * 4.7 runs on Java 17, the JVM running the tests starts it. Its log goes to {@code
 * <temp>/s3mock.log}.
 */
final class S3MockProcess {

    private final Process process;
    private final S3Endpoint endpoint;

    private S3MockProcess(Process process, S3Endpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3MockProcess start() {
        try {
            int port = freePort();
            Path directory = Files.createTempDirectory("s3mock-");
            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            List<String> command =
                    List.of(
                            java.toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar().toString(),
                            "--server.port=0",
                            "--com.adobe.testing.s3mock.http-port=" + port,
                            "--com.adobe.testing.s3mock.store.initial-buckets=" + S3Endpoint.BUCKET,
                            "--com.adobe.testing.s3mock.store.root=" + directory.resolve("store"),
                            "--spring.main.banner-mode=off");
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(directory.resolve("s3mock.log").toFile())
                            .start();
            URI address = URI.create("http://localhost:" + port);
            S3MockProcess mock =
                    new S3MockProcess(
                            process,
                            // S3Mock takes any credentials; these are only for the signature
                            new S3Endpoint(
                                    address, "us-east-1", S3Endpoint.BUCKET, "test", "test"));
            try {
                Awaitility.await("S3Mock on " + address + " (log: " + directory + ")")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> mock.answers(address));
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            return mock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Mock", e);
        }
    }

    S3Endpoint endpoint() {
        return endpoint;
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether S3Mock lists its buckets; fails fast once the process died. */
    private boolean answers(URI address) {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "S3Mock exited with status " + process.exitValue() + " before it answered");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * The executable jar: on the class path where the JVM has one, else found through a resource
     * only it has (Surefire and Failsafe may start the JVM with a manifest-only class path).
     */
    static Path jar() {
        Optional<Path> onClassPath =
                Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                        .filter(entry -> entry.contains("s3mock") && entry.endsWith("-exec.jar"))
                        .map(Paths::get)
                        .findFirst();
        if (onClassPath.isPresent()) {
            return onClassPath.get();
        }
        URL resource =
                S3MockProcess.class.getClassLoader().getResource("BOOT-INF/classes/s3mock.jks");
        if (resource != null && resource.getProtocol().equals("jar")) {
            String file = resource.getPath();
            try {
                return Paths.get(new URI(file.substring(0, file.indexOf("!/"))));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Cannot read the S3Mock jar's address " + file, e);
            }
        }
        throw new IllegalStateException(
                "The S3Mock executable jar (com.adobe.testing:s3mock:exec) is not on the class path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
