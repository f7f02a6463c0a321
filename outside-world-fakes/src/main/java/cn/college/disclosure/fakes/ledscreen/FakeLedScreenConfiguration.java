package cn.college.disclosure.fakes.ledscreen;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** The fake polling screens. */
@Configuration(proxyBeanMethods = false)
class FakeLedScreenConfiguration {

    @Bean
    FakeLedScreens fakeLedScreens(FakeLedScreenProperties properties, TaskScheduler scheduler) {
        return new FakeLedScreens(properties, scheduler, Clock.systemUTC());
    }
}
