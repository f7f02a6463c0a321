package cn.college.disclosure.core.media;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The media store: where the files' bytes live and how large a file may be.
 *
 * @param store where the bytes are kept: {@code disk} (a directory) or {@code s3} (S3-compatible
 *     object storage such as MinIO)
 * @param directory the directory of the disk store, one file per SHA-256
 * @param maxSize the largest file accepted; larger uploads get 413
 * @param apiUrl this service's address as the channels reach it; a file's address is {@code
 *     <api-url>api/media/<id>}
 * @param s3 the object storage, used when {@code store} is {@code s3}
 */
@ConfigurationProperties("publisher.media")
record MediaProperties(
        @DefaultValue("disk") Store store,
        @DefaultValue("data/media") Path directory,
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("http://localhost:8080/") URI apiUrl,
        @DefaultValue S3 s3) {

    /** Where the bytes are kept. */
    enum Store {
        DISK,
        S3
    }

    /**
     * An S3-compatible bucket, addressed path-style ({@code <endpoint>/<bucket>/<key>}) so that
     * MinIO and other self-hosted stores work.
     *
     * @param endpoint the service's address, e.g. {@code http://minio:9000}; absent for AWS itself
     * @param region the region the client signs for
     * @param bucket the bucket the files go into, one object per SHA-256
     * @param accessKey the access key id
     * @param secretKey the secret access key
     */
    record S3(
            @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("disclosure-media") String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey) {}

    /** A file's address on the API, as the channels read it. */
    URI apiUrl(String id) {
        String base = apiUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "api/media/" + id);
    }
}
