package cn.college.disclosure.fakes.campusplatform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fake platform's state. */
@Configuration(proxyBeanMethods = false)
class FakeCampusPlatformConfiguration {

    @Bean
    FakeCampusPlatform fakeCampusPlatform(FakeCampusPlatformProperties properties) {
        return new FakeCampusPlatform(properties, Clock.systemUTC());
    }
}
