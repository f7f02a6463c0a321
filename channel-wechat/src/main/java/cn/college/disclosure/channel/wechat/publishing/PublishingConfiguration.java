package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.wechat.WeChatProperties;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import cn.college.disclosure.channel.wechat.digest.DigestCandidates;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The WeChat adapter, whose bean switches the channel runtime on. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    Articles weChatArticles(JdbcClient jdbc, Clock clock) {
        return new Articles(jdbc, clock);
    }

    @Bean
    Covers weChatCovers(
            WeChatProperties properties,
            ResourceLoader resources,
            WeChatApiClient wechat,
            JdbcClient jdbc,
            Clock clock) {
        return new Covers(
                properties.appId(), properties.defaultCover(), resources, wechat, jdbc, clock);
    }

    @Bean
    CallbackNonces weChatCallbackNonces(WeChatProperties properties, JdbcClient jdbc, Clock clock) {
        return new CallbackNonces(jdbc, clock, properties.callbackMaxSkew());
    }

    @Bean
    WeChatChannelAdapter weChatChannelAdapter(
            WeChatApiClient wechat,
            WeChatCalls calls,
            Articles articles,
            Covers covers,
            WeChatProperties properties,
            ObjectProvider<AsynchronousOutcomes> outcomes,
            DigestCandidates digests,
            Clock clock) {
        BodyImages images =
                new BodyImages(
                        (name, image) ->
                                calls.call(
                                        "media/uploadimg",
                                        () -> wechat.uploadBodyImage(name, image)),
                        properties.imageOrigins(),
                        properties.imageFetchTimeout());
        return new WeChatChannelAdapter(
                wechat,
                calls,
                articles,
                covers,
                images,
                outcomes,
                clock,
                properties.author(),
                properties.maxPolls(),
                properties.lostSubmitWait(),
                digests);
    }
}
