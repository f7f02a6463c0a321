package cn.college.disclosure.fakes.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scripting and inspection of the fake WeChat account, for tests and people. */
@RestController
@RequestMapping("/sandbox/wechat")
class WeChatSandbox {

    /**
     * Settings changed at run time.
     *
     * @param callbackUrl where {@code PUBLISHJOBFINISH} goes
     * @param callbacksEnabled false to lose every callback (the channel must poll)
     * @param dailyQuota API calls per day before 45009
     * @param publishDelay how long each publish job submitted from now on takes (ISO-8601, e.g.
     *     {@code "PT8S"}; the fault suite's slow jobs)
     */
    record Settings(
            @Nullable String callbackUrl,
            @Nullable Boolean callbacksEnabled,
            @Nullable Integer dailyQuota,
            @Nullable Duration publishDelay) {}

    private final FakeWeChatAccount account;
    private final PublishJobs jobs;

    WeChatSandbox(FakeWeChatAccount account, PublishJobs jobs) {
        this.account = account;
        this.jobs = jobs;
    }

    /**
     * Published articles: {@code title}, {@code article_url}, {@code publish_id}, {@code deleted},
     * {@code content}, {@code content_source_url}, {@code author}, {@code digest}, {@code
     * thumb_media_id}.
     */
    @GetMapping("/articles")
    List<Map<String, Object>> articles() {
        return account.articles();
    }

    /**
     * Mass sends that reached followers: {@code msg_id}, {@code clientmsgid}, {@code media_id},
     * {@code titles}, {@code content_source_urls}, {@code sent_at}.
     */
    @GetMapping("/mass-sends")
    List<Map<String, Object>> massSends() {
        return account.massSends();
    }

    /**
     * Every publish job WeChat accepted (also running and failed ones), oldest first: {@code
     * publish_id}, {@code media_id}, {@code publish_status} (1 while publishing), {@code
     * article_id}, {@code title}, {@code content_source_url}, {@code deleted}. Two jobs for one
     * item version are a duplicate even before the second finishes.
     */
    @GetMapping("/jobs")
    List<Map<String, Object>> jobs() {
        return account.jobs();
    }

    /**
     * Every permanent material ({@code material/add_material}), oldest first: {@code media_id},
     * {@code type} (image, thumb), {@code sha256}, {@code size}, {@code format} (by the bytes).
     */
    @GetMapping("/materials")
    List<Map<String, Object>> materials() {
        return account.materials();
    }

    /**
     * Every body image ({@code media/uploadimg}), oldest first: {@code url} on the CDN, {@code
     * sha256}, {@code size}, {@code format}.
     */
    @GetMapping("/images")
    List<Map<String, Object>> images() {
        return account.images();
    }

    /** The {@code src} of every image WeChat stripped from a draft's content (not on its CDN). */
    @GetMapping("/stripped-images")
    List<String> strippedImages() {
        return account.strippedImages();
    }

    /** The draft box now, newest first: {@code media_id}, {@code titles}, sources, update time. */
    @GetMapping("/drafts")
    List<Map<String, Object>> drafts() {
        return account.draftBox();
    }

    /** How often each endpoint was called, and how many tokens were fetched. */
    @GetMapping("/calls")
    Map<String, Object> calls() {
        return Map.of("calls", account.calls(), "tokenFetches", account.tokenFetches());
    }

    @PostMapping("/script")
    void script(@RequestBody ScriptedFailure failure) {
        account.script(failure);
    }

    @PutMapping("/settings")
    void settings(@RequestBody Settings settings) {
        account.settings(
                settings.callbackUrl(),
                settings.callbacksEnabled(),
                settings.dailyQuota(),
                settings.publishDelay());
    }

    /** Every token expires now. */
    @PostMapping("/tokens/expire")
    void expireTokens() {
        account.expireTokens();
    }

    /** The daily quotas start again, as at midnight. */
    @PostMapping("/new-day")
    void newDay() {
        account.newDay();
    }

    /** The next publish job ends with this {@code publish_status} (2, 3, 4) instead of success. */
    @PostMapping("/next-publish-status/{status}")
    void nextPublishStatus(@PathVariable int status) {
        account.endNextPublishWith(status);
    }

    /** The platform blocks a published article (status 6) and pushes the event. */
    @PostMapping("/articles/{articleId}/block")
    void block(@PathVariable String articleId) {
        FakeWeChatAccount.Publication publication = account.block(articleId);
        jobs.push(publication);
    }

    @PostMapping("/reset")
    void reset() {
        account.reset();
    }
}
