package cn.college.disclosure.channel.wechat.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishJobFinishedTests {

    private static final String SUCCESS =
            """
            <xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName>
            <FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName>
            <CreateTime>1481013459</CreateTime><MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[PUBLISHJOBFINISH]]></Event>
            <PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status>
            <article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy_Be4yq4]]></article_id>
            <article_detail><count>1</count><item><idx>1</idx>
            <article_url><![CDATA[https://mp.weixin.qq.com/s/abc]]></article_url></item></article_detail>
            </PublishEventInfo></xml>""";

    @Test
    void readsASuccessfulPublishJob() {
        PublishStatus status = PublishJobFinished.parse(SUCCESS).orElseThrow().status();

        assertThat(status.publishId()).isEqualTo("2247503051");
        assertThat(status.status()).isZero();
        assertThat(status.articleId()).isEqualTo("b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy_Be4yq4");
        assertThat(status.articleUrl()).isEqualTo("https://mp.weixin.qq.com/s/abc");
    }

    @Test
    void ignoresOtherEventsAndRefusesDoctypes() {
        assertThat(
                        PublishJobFinished.parse(
                                "<xml><MsgType>event</MsgType><Event>subscribe</Event></xml>"))
                .isEmpty();
        assertThatThrownBy(
                        () ->
                                PublishJobFinished.parse(
                                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Event>&e;</Event></xml>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsPublishStatusesToDeliveryOutcomes() {
        assertThat(outcome(0))
                .isEqualTo(
                        DeliveryOutcome.delivered(
                                URI.create("https://a/1"),
                                "A1",
                                List.of(new DeliveryWarning("image-too-large", "x"))));
        assertThat(outcome(1)).isInstanceOf(DeliveryOutcome.Pending.class);
        assertThat(outcome(2)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(outcome(3)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(outcome(4)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(outcome(5)).isInstanceOf(DeliveryOutcome.Retracted.class);
        assertThat(outcome(6)).isInstanceOf(DeliveryOutcome.Retracted.class);
    }

    private static DeliveryOutcome outcome(int status) {
        return WeChatChannelAdapter.outcomeOf(
                new PublishStatus("1", status, "A1", "https://a/1"),
                List.of(new DeliveryWarning("image-too-large", "x")));
    }
}
