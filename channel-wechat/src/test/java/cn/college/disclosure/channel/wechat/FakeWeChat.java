package cn.college.disclosure.channel.wechat;

import cn.college.disclosure.fakes.OutsideWorldFakesApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fake WeChat (outside-world-fakes), started once per test JVM on a random port and shared by
 * every test context: the channel's database caches the cover's media_id and the access token,
 * which only the fake that issued them accepts.
 */
final class FakeWeChat {

    private static ConfigurableApplicationContext fakes;

    private FakeWeChat() {}

    static String url() {
        return "http://localhost:" + port();
    }

    static synchronized int port() {
        if (fakes == null) {
            fakes =
                    OutsideWorldFakesApplication.start(
                            "--server.port=0", "--fakes.wechat.publish-delay=200ms");
            ConfigurableApplicationContext started = fakes;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fake-wechat-stop"));
        }
        return Integer.parseInt(fakes.getEnvironment().getProperty("local.server.port"));
    }
}
