package cn.college.disclosure.fakes.wecom;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fake enterprise. */
@Configuration(proxyBeanMethods = false)
class FakeWeComConfiguration {

    @Bean
    FakeWeCom fakeWeCom(FakeWeComProperties properties) {
        return new FakeWeCom(properties, Clock.systemUTC());
    }
}
