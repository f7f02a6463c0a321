package cn.college.disclosure.channel.website;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The website channel service: the channel runtime with the static-site adapter. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebsiteChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebsiteChannelApplication.class, args);
    }
}
