package cn.college.disclosure.core.media;

import cn.college.disclosure.core.account.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Uploads and downloads. An upload is streamed to a temporary file while its SHA-256 is computed
 * and its bytes counted (so a large file is never held in memory), its type is told from the bytes,
 * the bytes go to the store under their hash (once, however often they are uploaded) and the upload
 * gets a row of its own.
 */
@Service
class MediaService implements MediaLibrary {

    /** The multipart field of an upload; problems about the file name it. */
    static final String FIELD = "file";

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaStore store;
    private final MediaFiles files;
    private final MediaProperties properties;
    private final MediaTypes types = new MediaTypes();
    private final Clock clock;

    MediaService(MediaStore store, MediaFiles files, MediaProperties properties, Clock clock) {
        this.store = store;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<MediaFile> find(UUID id) {
        return files.find(id);
    }

    @Override
    public URI apiUrl(UUID id) {
        return properties.apiUrl(id.toString());
    }

    /**
     * Stores an upload.
     *
     * @param originalName the name the client gave, made safe before it is kept
     * @throws MediaFileEmpty if it has no bytes
     * @throws MediaFileTooLarge if it has more than {@code publisher.media.max-size}
     * @throws MediaTypeRefused if its bytes are of no accepted type or not what its name claims
     */
    MediaFile upload(InputStream content, @Nullable String originalName, Account uploader)
            throws IOException {
        long limit = properties.maxSize().toBytes();
        Path temp = Files.createTempFile("media-upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                int read;
                while ((read = content.read(buffer)) >= 0) {
                    size += read;
                    if (size > limit) {
                        throw new MediaFileTooLarge(limit);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new MediaFileEmpty();
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            String provisionalName = FileNames.safe(originalName, "bin");
            String contentType = types.detect(temp, provisionalName);
            String fileName = FileNames.safe(originalName, MediaTypes.extensionOf(contentType));
            store.put(sha256, temp, size, contentType);
            MediaFile file =
                    new MediaFile(
                            UUID.randomUUID(),
                            sha256,
                            size,
                            contentType,
                            fileName,
                            uploader.department(),
                            uploader.username(),
                            clock.instant());
            files.add(file);
            log.info(
                    "Stored media {} ({}, {} bytes, sha256 {}) uploaded by {}",
                    file.id(),
                    contentType,
                    size,
                    sha256,
                    uploader.username());
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file with the id.
     *
     * @throws MediaNotFound if there is no such file
     */
    MediaFile require(UUID id) {
        return files.find(id).orElseThrow(() -> new MediaNotFound(id));
    }

    /** The file's bytes, to be closed by the caller. */
    InputStream open(MediaFile file) {
        try {
            return store.open(file.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the bytes of media "
                            + file.id()
                            + " (sha256 "
                            + file.sha256()
                            + ")",
                    e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
