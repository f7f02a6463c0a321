package cn.college.disclosure.fakes;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outside world, faked: one package per provider ({@code wechat}), each speaking that
 * provider's protocol with its real rules, plus a {@code /sandbox/<provider>} API to script
 * failures and inspect what arrived. What the fakes do by themselves (publish jobs finishing,
 * screens polling) runs on Boot's one {@code TaskScheduler} ({@code spring.task.scheduling.*}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OutsideWorldFakesApplication {

    /** The configuration name, so that another service's {@code application.yml} is never read. */
    public static final String CONFIG_NAME = "spring.config.name=outside-world-fakes";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OutsideWorldFakesApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }

    /** Starts the fakes in-process (tests): {@code args} as on the command line. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OutsideWorldFakesApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
