package cn.college.disclosure.fakes.huidu;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fake controllers' state. */
@Configuration(proxyBeanMethods = false)
class FakeHuiduConfiguration {

    @Bean
    FakeHuiduControllers fakeHuiduControllers() {
        return new FakeHuiduControllers(Clock.systemUTC());
    }
}
