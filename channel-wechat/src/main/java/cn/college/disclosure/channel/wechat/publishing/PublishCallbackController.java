package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.wechat.WeChatProperties;
import cn.college.disclosure.channel.wechat.publishing.Articles.Article;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's callback URL ({@code /wechat/callback}): WeChat's URL check ({@code GET} with
 * {@code echostr}) and its pushes ({@code POST}); only {@code PUBLISHJOBFINISH} is acted on. A push
 * is refused with 403 (and a short plain-text reason) when its signature is invalid, when its
 * {@code timestamp} is more than {@code callback-max-skew} (5 minutes) from the channel's clock, or
 * when its {@code nonce} was already seen ({@link CallbackNonces}, shared by every instance): a
 * captured push cannot be replayed. WeChat counts anything but {@code success} as not delivered and
 * retries a few times; a genuine push is never refused, and a genuine retry of a push that was
 * already handled changes nothing. The outcome is recorded in the step ledger and handed to the
 * runtime, which records and reports it.
 */
@RestController
@RequestMapping("/wechat/callback")
class PublishCallbackController {

    private static final Logger log = LoggerFactory.getLogger(PublishCallbackController.class);

    private final String token;
    private final Articles articles;
    private final AsynchronousOutcomes outcomes;
    private final CallbackNonces nonces;

    PublishCallbackController(
            WeChatProperties properties,
            Articles articles,
            AsynchronousOutcomes outcomes,
            CallbackNonces nonces) {
        this.token = properties.callbackToken();
        this.articles = articles;
        this.outcomes = outcomes;
        this.nonces = nonces;
    }

    @GetMapping
    ResponseEntity<String> verify(
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestParam(required = false) @Nullable String echostr) {
        if (!CallbackSignature.valid(token, signature, timestamp, nonce) || echostr == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("invalid signature");
        }
        return ResponseEntity.ok(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestBody String xml) {
        if (!CallbackSignature.valid(token, signature, timestamp, nonce)
                || timestamp == null
                || nonce == null
                || nonce.length() > 128) {
            log.warn("Refused a WeChat push with an invalid signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("invalid signature");
        }
        Optional<PublishJobFinished> event;
        try {
            event = PublishJobFinished.parse(xml);
        } catch (IllegalArgumentException e) {
            log.warn("Unreadable WeChat push: {}", e.getMessage());
            return ResponseEntity.badRequest().body(e.getMessage());
        }
        // signature valid, so timestamp and nonce are WeChat's (or a captured push's)
        switch (nonces.admit(timestamp, nonce)) {
            case STALE -> {
                log.warn(
                        "Refused a WeChat push with timestamp {}: more than the allowed skew from"
                                + " this service's clock",
                        timestamp);
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body("stale timestamp");
            }
            case REPLAYED -> {
                log.warn("Refused a replayed WeChat push (nonce {} already seen)", nonce);
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body("replayed nonce");
            }
            case TAKEN -> {}
        }
        try {
            event.ifPresent(this::settle);
        } catch (RuntimeException e) {
            // WeChat pushes again: that retry must not count as a replay
            nonces.forget(nonce);
            throw e;
        }
        // WeChat expects "success" (or an empty body), else it pushes again
        return ResponseEntity.ok("success");
    }

    private void settle(PublishJobFinished event) {
        var status = event.status();
        Optional<Article> article = articles.byPublishId(status.publishId());
        if (article.isEmpty()) {
            log.warn("PUBLISHJOBFINISH for unknown publish job {}", status.publishId());
            return;
        }
        Article known = article.get();
        log.info(
                "PUBLISHJOBFINISH: publish job {} of item {} version {} ended with status {}",
                status.publishId(),
                known.itemId(),
                known.version(),
                status.status());
        if (status.status() != 1) {
            articles.finished(
                    known.itemId(),
                    known.version(),
                    status.status(),
                    status.articleId(),
                    status.articleUrl());
        }
        DeliveryOutcome outcome = WeChatChannelAdapter.outcomeOf(status, known.warnings());
        outcomes.arrived(known.itemId(), known.version(), outcome);
    }
}
