package cn.college.disclosure.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of the files are kept, one object per SHA-256: written once, never changed. The
 * same bytes uploaded twice are stored once.
 */
interface MediaStore {

    /**
     * Stores the file's bytes under their SHA-256 unless they are there already.
     *
     * @param file a complete file whose SHA-256 is {@code sha256}
     */
    void put(String sha256, Path file, long size, String contentType) throws IOException;

    /** Whether bytes with the SHA-256 are stored. */
    boolean contains(String sha256) throws IOException;

    /**
     * The stored bytes, to be closed by the caller.
     *
     * @throws java.io.FileNotFoundException if nothing is stored under the SHA-256
     */
    InputStream open(String sha256) throws IOException;
}
