package cn.college.disclosure.channel.wechat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The WeChat channel service: the channel runtime with the Official Account adapter. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WeChatChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(WeChatChannelApplication.class, args);
    }
}
