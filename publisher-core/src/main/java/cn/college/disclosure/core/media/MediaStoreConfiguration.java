package cn.college.disclosure.core.media;

import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The media store {@code publisher.media.store} names: a directory or an S3 bucket. */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        return switch (properties.store()) {
            case DISK -> new DiskMediaStore(properties.directory());
            case S3 -> new S3MediaStore(s3Client(properties.s3()), properties.s3().bucket());
        };
    }

    /**
     * Path-style addressing ({@code <endpoint>/<bucket>/<key>}), which MinIO and S3Mock serve; the
     * JDK's HTTP client, the one the pom keeps. Without keys in the configuration the SDK's default
     * chain (environment, profile, instance role) supplies them.
     */
    static S3Client s3Client(MediaProperties.S3 s3) {
        var builder =
                S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .region(Region.of(s3.region()))
                        .forcePathStyle(true)
                        // checksums only where an operation requires them: S3-compatible stores
                        // do not all take the SDK's newer default (aws-chunked CRC32 trailers)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.accessKey() != null && s3.secretKey() != null) {
            builder.credentialsProvider(
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(
                                    Objects.requireNonNull(s3.accessKey()),
                                    Objects.requireNonNull(s3.secretKey()))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
