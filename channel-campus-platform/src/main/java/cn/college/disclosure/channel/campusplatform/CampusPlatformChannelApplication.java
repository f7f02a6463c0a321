package cn.college.disclosure.channel.campusplatform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The campus-platform channel service: the channel runtime with the webhook or WeCom adapter. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampusPlatformChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampusPlatformChannelApplication.class, args);
    }
}
