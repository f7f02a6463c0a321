package cn.college.disclosure.fakes.wechat;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** The fake account and its publisher. */
@Configuration(proxyBeanMethods = false)
class FakeWeChatConfiguration {

    @Bean
    FakeWeChatAccount fakeWeChatAccount(FakeWeChatProperties properties) {
        return new FakeWeChatAccount(properties, Clock.systemUTC());
    }

    @Bean
    PublishJobs fakeWeChatPublishJobs(
            FakeWeChatAccount account, FakeWeChatProperties properties, TaskScheduler scheduler) {
        return new PublishJobs(account, properties, scheduler, Clock.systemUTC());
    }
}
