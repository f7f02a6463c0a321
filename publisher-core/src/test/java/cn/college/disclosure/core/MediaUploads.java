package cn.college.disclosure.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads to and downloads from the media API over HTTP, as curl would: a multipart body with the
 * file name sent as UTF-8, the user's password {@code demo}.
 */
final class MediaUploads {

    /** An answer: status, headers, the raw bytes and, for JSON answers, the tree. */
    record Answer(int status, HttpHeaders headers, byte[] bytes) {

        JsonNode json() {
            return JsonMapper.builder().build().readTree(new String(bytes, StandardCharsets.UTF_8));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse("none");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    MediaUploads(int port) {
        this.base = URI.create("http://localhost:" + port + "/");
    }

    Answer upload(String user, String fileName, byte[] content) {
        return upload(user, "file", fileName, content);
    }

    Answer upload(String user, String field, String fileName, byte[] content) {
        String boundary = "----media" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\n");
        write(
                body,
                "Content-Disposition: form-data; name=\""
                        + field
                        + "\"; filename=\""
                        + fileName.replace("\"", "%22")
                        + "\"\r\n");
        write(body, "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("api/media"))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        return send(request);
    }

    Answer download(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return send(request.GET().build());
    }

    Answer download(String user, String path, String ifNoneMatch) {
        return send(
                HttpRequest.newBuilder(base.resolve(path.substring(1)))
                        .header("Authorization", basic(user))
                        .header("If-None-Match", ifNoneMatch)
                        .GET()
                        .build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
