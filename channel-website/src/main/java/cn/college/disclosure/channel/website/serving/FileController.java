package cn.college.disclosure.channel.website.serving;

import cn.college.disclosure.channel.website.site.PublishedFile;
import cn.college.disclosure.channel.website.site.PublishedFiles;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A live page's file at {@code /files/<sha256>/<name>}: with the type publisher-core detected
 * (never one guessed from the name or the bytes: {@code X-Content-Type-Options: nosniff}), as a
 * download for documents and in the page for images ({@code Content-Disposition} with the original
 * name, RFC 6266 / RFC 5987). Ranges and HEAD come with Spring's resource handling. A file no live
 * page lists is 404, whether or not a copy is on disk.
 */
@RestController
class FileController {

    static final String NOSNIFF = "nosniff";

    private final PublishedFiles files;

    FileController(PublishedFiles files) {
        this.files = files;
    }

    @GetMapping("/files/{sha256}/{fileName}")
    ResponseEntity<FileSystemResource> file(
            @PathVariable String sha256, @PathVariable String fileName)
            throws NoResourceFoundException {
        PublishedFile file =
                files.find(sha256, fileName)
                        .filter(found -> Files.isRegularFile(found.path()))
                        .orElseThrow(
                                () ->
                                        new NoResourceFoundException(
                                                HttpMethod.GET,
                                                "/files/" + sha256 + "/" + fileName,
                                                "files/" + sha256 + "/" + fileName));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition(file.isImage() ? "inline" : "attachment", file.fileName()))
                .header("X-Content-Type-Options", NOSNIFF)
                .body(new FileSystemResource(file.path()));
    }

    /**
     * Anything else under {@code /files/} (a directory, a trailing slash, a deeper path) is 404,
     * never the web root's static handler, which would serve a copy without these headers.
     */
    @GetMapping("/files/**")
    ResponseEntity<FileSystemResource> notAFile(HttpServletRequest request)
            throws NoResourceFoundException {
        throw new NoResourceFoundException(
                HttpMethod.GET, request.getRequestURI(), request.getRequestURI().substring(1));
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>}:
     * browsers take the UTF-8 name, older clients the fallback (non-ASCII, quotes and backslashes
     * as {@code _}).
     */
    static String disposition(String type, String fileName) {
        StringBuilder fallback = new StringBuilder();
        fileName.codePoints()
                .forEach(
                        c ->
                                fallback.append(
                                        c < 0x20 || c > 0x7e || c == '"' || c == '\\'
                                                ? '_'
                                                : (char) c));
        return type + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other byte as {@code %XX}. */
    private static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
