package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuards;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The webhook adapter (the default), whose bean switches the channel runtime on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
        name = "channel.campus-platform.adapter",
        havingValue = "webhook",
        matchIfMissing = true)
class WebhookConfiguration {

    @Bean
    WebhookChannelAdapter webhookChannelAdapter(
            CampusPlatformProperties properties,
            ProviderGuards guards,
            JsonMapper json,
            Clock clock) {
        CampusPlatformProperties.Webhook webhook = properties.webhook();
        return new WebhookChannelAdapter(
                new CampusPlatformApiClient(webhook, clock),
                guards.guard(CampusPlatformApiClient.NAME),
                new WebhookAnswers(webhook, json, clock),
                json,
                clock);
    }
}
