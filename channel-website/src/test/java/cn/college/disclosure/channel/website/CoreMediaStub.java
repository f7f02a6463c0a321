package cn.college.disclosure.channel.website;

import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.WebsitePaths;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of publisher-core's media API, {@code GET /api/media/{id}} with HTTP Basic: the
 * files it holds, a count of the reads of each, and scripted outages (503).
 */
final class CoreMediaStub implements AutoCloseable {

    static final String USERNAME = "channel-website";
    static final String PASSWORD = "media-test-secret";

    private final HttpServer server;
    private final Map<UUID, byte[]> files = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> outages = new ConcurrentHashMap<>();
    private final AtomicInteger refusedCredentials = new AtomicInteger();

    private CoreMediaStub(HttpServer server) {
        this.server = server;
    }

    static CoreMediaStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            CoreMediaStub stub = new CoreMediaStub(server);
            server.createContext("/api/media/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** Holds the bytes as a new media file and returns its reference as the core would. */
    MediaReference add(String fileName, String contentType, byte[] bytes) {
        UUID id = UUID.randomUUID();
        files.put(id, bytes);
        return reference(id, fileName, contentType, bytes);
    }

    /** A reference the core does not hold (its id answers 404). */
    MediaReference missing(String fileName, String contentType, byte[] bytes) {
        return reference(UUID.randomUUID(), fileName, contentType, bytes);
    }

    /** The next {@code times} reads of the file answer 503. */
    void failNext(MediaReference file, int times) {
        outages.computeIfAbsent(file.id(), id -> new AtomicInteger()).set(times);
    }

    int reads(MediaReference file) {
        AtomicInteger count = reads.get(file.id());
        return count == null ? 0 : count.get();
    }

    int refusedCredentials() {
        return refusedCredentials.get();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private MediaReference reference(UUID id, String fileName, String contentType, byte[] bytes) {
        String sha256 = sha256(bytes);
        return new MediaReference(
                id,
                sha256,
                bytes.length,
                contentType,
                fileName,
                url().resolve("api/media/" + id),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.file(sha256, fileName)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected =
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (USERNAME + ":" + PASSWORD)
                                                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refusedCredentials.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            UUID id;
            try {
                id = UUID.fromString(exchange.getRequestURI().getPath().substring(11));
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            AtomicInteger outage = outages.get(id);
            if (outage != null && outage.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] bytes = files.get(id);
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            reads.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
