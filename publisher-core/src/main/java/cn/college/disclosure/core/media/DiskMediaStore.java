package cn.college.disclosure.core.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The files in a directory: {@code <root>/<sha256[0:2]>/<sha256>}. A file is copied to a temporary
 * name beside its place and moved there atomically, so a reader never sees part of one.
 */
final class DiskMediaStore implements MediaStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    DiskMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Where the bytes with the SHA-256 live; the name is checked, never taken from a user. */
    Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public void put(String sha256, Path file, long size, String contentType) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException sameBytesMeanwhile) {
                // another upload of the same bytes won: the stored file is the same
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The media directory cannot move files atomically", e);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No stored media " + sha256);
        }
    }
}
