package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.media.MediaReader;
import cn.college.disclosure.channel.wechat.WeChatProperties;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import cn.college.disclosure.channel.wechat.digest.DigestCandidates;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
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
    MediaImages weChatMediaImages(
            WeChatProperties properties,
            MediaReader reader,
            WeChatApiClient wechat,
            WeChatCalls calls,
            JdbcClient jdbc,
            Clock clock) {
        MediaImages.Uploads uploads =
                new MediaImages.Uploads() {
                    @Override
                    public String bodyImage(String fileName, byte[] image) {
                        return calls.call(
                                "media/uploadimg", () -> wechat.uploadBodyImage(fileName, image));
                    }

                    @Override
                    public String thumb(String fileName, byte[] image) {
                        return calls.call(
                                "material/add_material",
                                () -> wechat.addPermanentThumb(fileName, image));
                    }
                };
        return new MediaImages(properties.appId(), reader, uploads, jdbc, clock);
    }

    @Bean
    Covers weChatCovers(
            WeChatProperties properties,
            ResourceLoader resources,
            WeChatApiClient wechat,
            JdbcClient jdbc,
            Clock clock,
            MediaImages media) {
        return new Covers(
                properties.appId(),
                properties.defaultCover(),
                resources,
                wechat,
                jdbc,
                clock,
                media);
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
            MediaImages media,
            Clock clock) {
        BodyImages images =
                new BodyImages(
                        (name, image) ->
                                calls.call(
                                        "media/uploadimg",
                                        () -> wechat.uploadBodyImage(name, image)),
                        media::bodyImage,
                        properties.imageOrigins(),
                        properties.imageFetchTimeout());
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("wechat/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AttachmentLinks attachments =
                new AttachmentLinks(messages, Locale.forLanguageTag(properties.articleLanguage()));
        return new WeChatChannelAdapter(
                wechat,
                calls,
                articles,
                covers,
                images,
                attachments,
                outcomes,
                clock,
                properties.author(),
                properties.maxPolls(),
                properties.lostSubmitWait(),
                properties.prepareTimeout(),
                digests);
    }
}
