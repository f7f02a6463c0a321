package cn.college.disclosure.channel.runtime.media;

import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.contract.MediaReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads the bytes of a publication's files from publisher-core ({@code GET /api/media/{id}}), with
 * the channel's service credential, and checks them against the reference's size and SHA-256. The
 * address is the configured core's, built from the id alone: a channel fetches nothing from an
 * address a record or a user supplied.
 */
public class MediaReader {

    private final MediaProperties properties;
    private final HttpClient http;

    public MediaReader(MediaProperties properties) {
        this.properties = properties;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(properties.timeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /**
     * The file's bytes, for files small enough to hold in memory (images).
     *
     * @throws TransientDeliveryFailure when the core cannot be reached or answers 5xx
     * @throws MediaUnreadable when it answers otherwise than with the file
     */
    public byte[] read(MediaReference file) {
        try {
            Path temp = Files.createTempFile("media-", ".part");
            try {
                copyTo(file, temp);
                return Files.readAllBytes(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new TransientDeliveryFailure("Cannot buffer media " + file.id(), e);
        }
    }

    /**
     * Writes the file to {@code target}, replacing it atomically only once every byte arrived and
     * matched: a reader of {@code target} never sees a partial or a wrong file.
     *
     * @throws TransientDeliveryFailure when the core cannot be reached or answers 5xx or 429
     * @throws MediaUnreadable when it answers otherwise than with the file
     */
    public void copyTo(MediaReference file, Path target) {
        URI address = properties.coreUrl().resolve("api/media/" + file.id());
        HttpRequest request =
                HttpRequest.newBuilder(address)
                        .timeout(properties.timeout())
                        .header("Authorization", basic())
                        .GET()
                        .build();
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path part = Files.createTempFile(parent, ".media-", ".part");
            try {
                HttpResponse<InputStream> response =
                        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    // a busy core (429) is away for now, not unable to serve the file
                    if (status >= 500 || status == 429) {
                        throw new TransientDeliveryFailure(
                                "publisher-core answered " + status + " for media " + file.id());
                    }
                    if (status != 200) {
                        throw new MediaUnreadable(
                                "publisher-core answered " + status + " for media " + file.id());
                    }
                    String sha256 = copyCounting(body, part, file);
                    if (!sha256.equals(file.sha256())) {
                        throw new MediaUnreadable(
                                "Media "
                                        + file.id()
                                        + " has SHA-256 "
                                        + sha256
                                        + ", expected "
                                        + file.sha256());
                    }
                }
                Files.move(
                        part,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new TransientDeliveryFailure(
                    "Cannot read media " + file.id() + " from the core", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryFailure("Interrupted reading media " + file.id(), e);
        }
    }

    /** Copies at most the reference's size (one byte more is a mismatch) and returns the hash. */
    private static String copyCounting(InputStream body, Path part, MediaReference file)
            throws IOException {
        MessageDigest digest = sha256();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                copied += read;
                if (copied > file.size()) {
                    throw new MediaUnreadable(
                            "Media " + file.id() + " is larger than its " + file.size() + " bytes");
                }
                out.write(buffer, 0, read);
            }
        }
        if (copied != file.size()) {
            throw new MediaUnreadable(
                    "Media " + file.id() + " has " + copied + " bytes, expected " + file.size());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (properties.username() + ":" + properties.password())
                                        .getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
