package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.runtime.scheduling.ChannelJob;
import cn.college.disclosure.channel.wechat.WeChatProperties;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digest mode. The beans exist either way (the ledger stays readable at {@code /wechat/digests});
 * with {@code channel.wechat.digest.enabled=false} nothing is collected and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    /** The job's name: its ShedLock lock and its log lines. */
    static final String DIGEST_JOB = "wechat-digest";

    @Bean
    DigestCandidates weChatDigestCandidates(
            WeChatDigestProperties properties, JdbcClient jdbc, Clock clock) {
        return new DigestCandidates(properties.enabled(), jdbc, clock);
    }

    @Bean
    Digests weChatDigests(
            WeChatProperties wechat,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new Digests(wechat.appId(), jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    DailyDigests weChatDailyDigests(
            WeChatDigestProperties properties,
            Digests digests,
            WeChatApiClient wechat,
            WeChatCalls calls,
            Clock clock) {
        return new DailyDigests(properties, digests, wechat, calls, clock);
    }

    /**
     * The digest pass on the runtime's scheduler (Boot's {@code TaskScheduler}), one instance at a
     * time under the ShedLock lock {@code wechat-digest} (the runtime's {@code shedlock} table).
     */
    @Bean
    @ConditionalOnProperty(name = "channel.wechat.digest.enabled", havingValue = "true")
    ChannelJob weChatDigestJob(WeChatDigestProperties properties, DailyDigests digests) {
        return ChannelJob.oneInstance(DIGEST_JOB, properties.checkInterval(), digests::run);
    }
}
