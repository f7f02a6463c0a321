package cn.college.disclosure.fakes.wechat;

import cn.college.disclosure.fakes.wechat.FakeWeChatAccount.Publication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Publishes asynchronously, as WeChat does: a submitted job finishes after {@code
 * fakes.wechat.publish-delay} (changed at run time by the sandbox's settings: real jobs can take
 * many seconds), then the {@code PUBLISHJOBFINISH} event is pushed to the callback URL, signed with
 * the callback token the way WeChat signs it. The jobs run on the fakes' {@link TaskScheduler}.
 */
class PublishJobs {

    private static final Logger log = LoggerFactory.getLogger(PublishJobs.class);

    private final FakeWeChatAccount account;
    private final FakeWeChatProperties properties;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PublishJobs(
            FakeWeChatAccount account,
            FakeWeChatProperties properties,
            TaskScheduler scheduler,
            Clock clock) {
        this.account = account;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    void schedule(long publishId) {
        scheduler.schedule(() -> finish(publishId), clock.instant().plus(account.publishDelay()));
    }

    /** Pushes an event about a publication now (also used by the sandbox for statuses 5 and 6). */
    void push(Publication publication) {
        String url = account.callbackUrl();
        if (url == null) {
            log.info(
                    "Callback for publish job {} not sent: no callback URL or callbacks off",
                    publication.publishId);
            return;
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce =
                Long.toString(
                        Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
        String signature = signature(properties.callbackToken(), timestamp, nonce);
        URI target =
                URI.create(
                        url
                                + (url.contains("?") ? "&" : "?")
                                + "signature="
                                + signature
                                + "&timestamp="
                                + timestamp
                                + "&nonce="
                                + nonce
                                + "&openid=oFakeSystem");
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(target)
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "text/xml; charset=UTF-8")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    xml(publication), StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            log.info(
                    "PUBLISHJOBFINISH for publish job {} (status {}) pushed to {}: HTTP {}",
                    publication.publishId,
                    publication.status,
                    url,
                    response.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "PUBLISHJOBFINISH for publish job {} not delivered to {}: {}",
                    publication.publishId,
                    url,
                    e.toString());
        }
    }

    private void finish(long publishId) {
        try {
            Publication publication = account.finish(publishId);
            log.info(
                    "Publish job {} finished with status {}{}",
                    publishId,
                    publication.status,
                    publication.articleUrl == null ? "" : " at " + publication.articleUrl);
            push(publication);
        } catch (RuntimeException e) {
            log.warn("Publish job {} failed in the fake: {}", publishId, e.toString());
        }
    }

    /** WeChat's callback signature: SHA-1 of the token, timestamp and nonce sorted and joined. */
    static String signature(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-1")
                                    .digest(
                                            String.join("", parts)
                                                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String xml(Publication p) {
        StringBuilder xml = new StringBuilder();
        xml.append("<xml>")
                .append("<ToUserName><![CDATA[gh_fakeaccount]]></ToUserName>")
                .append("<FromUserName><![CDATA[oFakeSystem]]></FromUserName>")
                .append("<CreateTime>")
                .append(clock.instant().getEpochSecond())
                .append("</CreateTime>")
                .append("<MsgType><![CDATA[event]]></MsgType>")
                .append("<Event><![CDATA[PUBLISHJOBFINISH]]></Event>")
                .append("<PublishEventInfo>")
                .append("<publish_id>")
                .append(p.publishId)
                .append("</publish_id>")
                .append("<publish_status>")
                .append(p.status)
                .append("</publish_status>");
        if (p.articleId != null) {
            xml.append("<article_id><![CDATA[")
                    .append(p.articleId)
                    .append("]]></article_id>")
                    .append(
                            "<article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[")
                    .append(p.articleUrl)
                    .append("]]></article_url></item></article_detail>");
        }
        if (p.status >= 2 && p.status <= 4) {
            xml.append("<fail_idx>1</fail_idx>");
        }
        xml.append("</PublishEventInfo></xml>");
        return xml.toString();
    }
}
