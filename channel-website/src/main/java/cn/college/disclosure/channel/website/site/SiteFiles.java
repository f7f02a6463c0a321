package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.channel.runtime.media.MediaReader;
import cn.college.disclosure.contract.MediaReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The website's copies of publication files, under {@code <web-root>/files/<sha256>/<file name>}:
 * the path {@code WebsitePaths.file} gives, with the name decoded, so that a static web server
 * serving the same tree finds the file at the same URL. The hash is the directory and the name one
 * path segment inside it; a name that would be anything else (a separator, {@code ..}, a control
 * character, more than a file system takes) is never used as a path.
 */
class SiteFiles {

    /** Most file systems take 255 bytes per name. */
    private static final int MAX_NAME_BYTES = 255;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\\\p{Cntrl}]");

    private final Path files;
    private final MediaReader media;

    SiteFiles(Path webRoot, MediaReader media) {
        this.files = webRoot.toAbsolutePath().normalize().resolve("files");
        this.media = media;
    }

    /** Where the copy of {@code files/<sha256>/<fileName>} is, if that can be a path at all. */
    Optional<Path> pathOf(String sha256, String fileName) {
        if (!SHA256.matcher(sha256).matches()
                || fileName.isBlank()
                || fileName.equals(".")
                || fileName.equals("..")
                || fileName.startsWith(".")
                || UNSAFE.matcher(fileName).find()
                || fileName.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.empty();
        }
        Path directory = files.resolve(sha256);
        Path file = directory.resolve(fileName).normalize();
        return file.getParent().equals(directory) ? Optional.of(file) : Optional.empty();
    }

    Optional<Path> pathOf(PageFile file) {
        return pathOf(file.sha256(), file.fileName());
    }

    /** Whether the file can be stored under its name (see the class comment). */
    boolean storable(MediaReference file) {
        return pathOf(file.sha256(), file.fileName()).isPresent();
    }

    /**
     * Makes sure the copy is there: a file already at its path with the right size and hash is kept
     * as it is; otherwise the file is read from publisher-core and written atomically.
     *
     * @return whether the file was read from the core
     * @throws cn.college.disclosure.channel.runtime.TransientDeliveryFailure when the core is away
     * @throws cn.college.disclosure.channel.runtime.media.MediaUnreadable when it cannot serve the
     *     file
     */
    boolean copy(MediaReference file) {
        Path target =
                pathOf(file.sha256(), file.fileName())
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Not a storable name: " + file.fileName()));
        if (holds(target, file.sha256(), file.size())) {
            return false;
        }
        media.copyTo(file, target);
        return true;
    }

    /** Whether the copy is on disk (its bytes were checked when it was written). */
    boolean exists(PageFile file) {
        return pathOf(file).map(Files::isRegularFile).orElse(false);
    }

    /** Removes the copy, and its hash's directory once it is empty; nothing if already gone. */
    void delete(PageFile file) {
        Optional<Path> path = pathOf(file);
        if (path.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(path.get());
            Files.deleteIfExists(path.get().getParent());
        } catch (DirectoryNotEmptyException | NoSuchFileException stillInUse) {
            // another name of the same bytes is in the directory, or it went meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path.get(), e);
        }
    }

    private static boolean holds(Path target, String sha256, long size) {
        try {
            if (!Files.isRegularFile(target) || Files.size(target) != size) {
                return false;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(target), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest()).equals(sha256);
        } catch (IOException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
