package cn.college.disclosure.fakes.ledscreen;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fake polling screens. */
@Configuration(proxyBeanMethods = false)
class FakeLedScreenConfiguration {

    @Bean
    FakeLedScreens fakeLedScreens(FakeLedScreenProperties properties) {
        return new FakeLedScreens(properties, Clock.systemUTC());
    }
}
