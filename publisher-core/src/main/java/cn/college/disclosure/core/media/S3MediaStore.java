package cn.college.disclosure.core.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The files in an S3-compatible bucket, one object per SHA-256 (the key is the hash itself). The
 * client's failures surface as {@link IOException}s, like the disk store's.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3MediaStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String sha256, Path file, long size, String contentType) throws IOException {
        if (contains(sha256)) {
            return;
        }
        try {
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(sha256)
                            .contentLength(size)
                            .contentType(contentType)
                            .build(),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Cannot store media " + sha256 + " in bucket " + bucket, e);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(sha256).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Cannot look up media " + sha256 + " in bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Cannot look up media " + sha256 + " in bucket " + bucket, e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(sha256).build());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("No stored media " + sha256 + " in bucket " + bucket);
        } catch (SdkException e) {
            throw new IOException("Cannot read media " + sha256 + " from bucket " + bucket, e);
        }
    }

    /** Releases the client's connections when the application stops. */
    @Override
    public void close() {
        s3.close();
    }
}
