package cn.college.disclosure.channel.ledscreen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The LED-screen channel service: the channel runtime with the screen-group feeds. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedScreenChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedScreenChannelApplication.class, args);
    }
}
