package cn.college.disclosure.channel.runtime.media;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Gives every channel service one {@link MediaReader} of {@code channel.media}. */
@AutoConfiguration
@EnableConfigurationProperties(MediaProperties.class)
class MediaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MediaReader mediaReader(MediaProperties properties) {
        return new MediaReader(properties);
    }
}
