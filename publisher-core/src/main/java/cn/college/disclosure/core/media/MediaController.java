package cn.college.disclosure.core.media;

import cn.college.disclosure.core.account.Accounts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media API. {@code POST /api/media} takes a multipart upload with HTTP Basic; {@code POST
 * /console/media} is the same upload for the console's editor, signed in with its session and
 * sending its CSRF token. {@code GET /api/media/{id}} serves the bytes to any signed-in role, the
 * channels' service accounts included. Roles are enforced by the security configuration.
 */
@RestController
class MediaController {

    /** The bytes never change: a browser or proxy of the same user may keep them for a year. */
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final MediaService service;
    private final Accounts accounts;

    MediaController(MediaService service, Accounts accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    /**
     * What an upload answers: the stored file.
     *
     * @param url where the file is read, {@code /api/media/{id}}
     */
    record Uploaded(
            UUID id, String fileName, String contentType, long size, String sha256, String url) {

        static Uploaded of(MediaFile file) {
            return new Uploaded(
                    file.id(),
                    file.fileName(),
                    file.contentType(),
                    file.size(),
                    file.sha256(),
                    "/api/media/" + file.id());
        }
    }

    @PostMapping(
            path = {"/api/media", "/console/media"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploaded> upload(
            @RequestParam(MediaService.FIELD) MultipartFile file, Principal principal)
            throws IOException {
        MediaFile stored;
        try (InputStream content = file.getInputStream()) {
            stored =
                    service.upload(
                            content,
                            file.getOriginalFilename(),
                            accounts.require(principal.getName()));
        }
        Uploaded uploaded = Uploaded.of(stored);
        return ResponseEntity.created(URI.create(uploaded.url())).body(uploaded);
    }

    @GetMapping("/api/media/{id}")
    ResponseEntity<Resource> download(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    @Nullable String ifNoneMatch) {
        MediaFile file = service.require(id);
        String etag = "\"" + file.sha256() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(IMMUTABLE)
                    .build();
        }
        ContentDisposition disposition =
                (file.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(file.fileName(), StandardCharsets.UTF_8)
                        .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .eTag(etag)
                .cacheControl(IMMUTABLE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(service.open(file)));
    }
}
