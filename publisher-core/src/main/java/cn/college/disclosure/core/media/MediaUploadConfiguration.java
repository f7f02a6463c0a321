package cn.college.disclosure.core.media;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart limits follow {@code publisher.media.max-size}, so that an oversize upload is
 * refused (413 naming {@code file}) before it is read, and one property governs the size. Parts are
 * written to a temporary file rather than kept in memory. This replaces Boot's {@code
 * spring.servlet.multipart.*}.
 */
@Configuration(proxyBeanMethods = false)
class MediaUploadConfiguration {

    /** Room for the multipart framing and the other small fields of an upload. */
    private static final DataSize FRAMING = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxSize());
        factory.setMaxRequestSize(
                DataSize.ofBytes(properties.maxSize().toBytes() + FRAMING.toBytes()));
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        return factory.createMultipartConfig();
    }
}
