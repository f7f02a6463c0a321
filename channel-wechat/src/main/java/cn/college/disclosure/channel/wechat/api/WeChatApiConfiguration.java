package cn.college.disclosure.channel.wechat.api;

import cn.college.disclosure.channel.runtime.resilience.ProviderGuards;
import cn.college.disclosure.channel.wechat.WeChatProperties;
import java.time.Clock;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WxJava pointed at {@code channel.wechat.api-host}, with the token shared through PostgreSQL, and
 * the one guard ({@code wechat-api}) every call goes through.
 */
@Configuration(proxyBeanMethods = false)
class WeChatApiConfiguration {

    @Bean
    AccessTokens weChatAccessTokens(
            WeChatProperties properties,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new AccessTokens(
                properties.appId(),
                jdbc,
                new TransactionTemplate(transactions),
                clock,
                properties.tokenRefreshMargin(),
                properties.forceRefreshMinInterval());
    }

    @Bean
    WeChatCalls weChatCalls(ProviderGuards guards, WeChatProperties properties, Clock clock) {
        return new WeChatCalls(guards.guard(WeChatApiClient.NAME), clock, properties.quotaZone());
    }

    @Bean
    WeChatApiClient weChatApiClient(WeChatProperties properties, AccessTokens tokens) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(properties.appId());
        config.setSecret(properties.secret());
        config.setToken(properties.callbackToken());
        config.useStableAccessToken(true);
        String host = properties.apiHost().toString().replaceAll("/+$", "");
        config.setHostConfig(new WxMpHostConfig(host, null, null));
        TokenSharingWxMpService service = new TokenSharingWxMpService(tokens);
        service.setWxMpConfigStorage(config);
        return new WeChatApiClient(service);
    }
}
