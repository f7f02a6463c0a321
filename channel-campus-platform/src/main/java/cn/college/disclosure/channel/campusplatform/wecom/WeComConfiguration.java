package cn.college.disclosure.channel.campusplatform.wecom;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuards;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WeCom adapter ({@code channel.campus-platform.adapter=wecom}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "channel.campus-platform.adapter", havingValue = "wecom")
class WeComConfiguration {

    @Bean
    WeComApiClient weComApiClient(CampusPlatformProperties properties, JsonMapper json) {
        return new WeComApiClient(properties.wecom(), json);
    }

    @Bean
    WeComAccessTokens weComAccessTokens(
            CampusPlatformProperties properties,
            WeComApiClient wecom,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        CampusPlatformProperties.WeCom settings = properties.wecom();
        return new WeComAccessTokens(
                settings.corpId() + "/" + settings.agentId(),
                jdbc,
                new TransactionTemplate(transactions),
                clock,
                settings.tokenRefreshMargin(),
                () -> fetched(wecom.getToken()));
    }

    @Bean
    WeComChannelAdapter weComChannelAdapter(
            CampusPlatformProperties properties,
            WeComApiClient wecom,
            WeComAccessTokens tokens,
            ProviderGuards guards) {
        return new WeComChannelAdapter(
                wecom, tokens, guards.guard(WeComApiClient.NAME), properties.wecom());
    }

    /**
     * A token from {@code gettoken}'s answer. A refusal (wrong CorpID or Secret, 40001/40013) is
     * retried by the runtime (an operator may fix the secret meanwhile) and fails the delivery when
     * the retry horizon ({@code channel.runtime.retry.horizon}) runs out.
     */
    private static WeComAccessTokens.Fetched fetched(JsonNode answer) {
        int errcode = answer.path("errcode").asInt();
        if (errcode != 0 || answer.path("access_token").asString("").isEmpty()) {
            throw new TransientDeliveryFailure(
                    "WeCom gettoken refused: errcode %d %s"
                            .formatted(errcode, answer.path("errmsg").asString("")));
        }
        return new WeComAccessTokens.Fetched(
                answer.path("access_token").asString(),
                Duration.ofSeconds(answer.path("expires_in").asLong(7200)));
    }
}
