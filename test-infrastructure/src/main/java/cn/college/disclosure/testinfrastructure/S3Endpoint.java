package cn.college.disclosure.testinfrastructure;

import java.net.URI;

/**
 * An S3-compatible object store for tests, with its bucket created: MinIO in a container where
 * Docker answers, Adobe's S3Mock as a child process elsewhere. Addressed path-style.
 *
 * @param endpoint the service's HTTP address, e.g. {@code http://localhost:9000}
 * @param region the region clients sign for
 * @param bucket the bucket that exists from the start
 * @param accessKey the access key id
 * @param secretKey the secret access key
 */
public record S3Endpoint(
        URI endpoint, String region, String bucket, String accessKey, String secretKey) {

    /** The bucket every test store has. */
    public static final String BUCKET = "disclosure-media";
}
