package cn.college.disclosure.core;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The office's service: items, approval, the outbox to the channels, delivery reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublisherCoreApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublisherCoreApplication.class, args);
    }

    /** The one clock every timestamp comes from, so that tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
