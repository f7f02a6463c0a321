package cn.college.disclosure.channel.ledscreen.screens;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The screens' acknowledgement records. */
@Configuration(proxyBeanMethods = false)
class ScreensConfiguration {

    @Bean
    Screens ledScreens(JdbcClient jdbc, Clock clock) {
        return new Screens(jdbc, clock);
    }
}
