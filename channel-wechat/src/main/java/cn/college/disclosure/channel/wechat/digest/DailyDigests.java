package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.DraftArticle;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.MassSent;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.channel.wechat.digest.DigestSelection.Selected;
import cn.college.disclosure.channel.wechat.digest.Digests.Digest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily digest. One pass ({@link #run}) is a job of the channel runtime's scheduler,
 * every {@code check-interval}, on one instance at a time (ShedLock, lock {@code wechat-digest}):
 *
 * <ol>
 *   <li>every open digest whose time has come goes one step further: {@code draft/add} of its
 *       articles (the media_id is committed), then {@code message/mass/sendall} with {@code
 *       clientmsgid} = the digest id;
 *   <li>from the send time on, the day's digest is planned (if none is open and none was sent
 *       today): the newest approved items up to {@code max-articles}, committed before WeChat is
 *       called.
 * </ol>
 *
 * <p>Every call goes through the {@code wechat-api} guard ({@link WeChatCalls}). Answers: 45065
 * means this clientmsgid already went out (a resend after a lost answer) and counts as sent, with
 * the original msg_id. 45028 (no mass-send quota left) parks the digest until the next day's send
 * time; 45009 (API quota) until midnight China time; an open breaker until its probe. Busy, 5xx,
 * token and connection failures (a lost answer included) leave the digest due: the next pass sends
 * the same draft under the same clientmsgid, so WeChat cannot push it twice; there is no backoff of
 * its own (the guard's breaker is the one brake). Every other errcode fails the digest, with the
 * code and message.
 */
class DailyDigests {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);
    private static final int ALREADY_SENT = 45065;
    private static final int NO_MASS_SEND_QUOTA = 45028;

    private final WeChatDigestProperties properties;
    private final DigestCalendar calendar;
    private final Digests digests;
    private final WeChatApiClient wechat;
    private final WeChatCalls calls;
    private final Clock clock;

    DailyDigests(
            WeChatDigestProperties properties,
            Digests digests,
            WeChatApiClient wechat,
            WeChatCalls calls,
            Clock clock) {
        this.properties = properties;
        this.calendar = new DigestCalendar(properties.sendAt(), properties.zone());
        this.digests = digests;
        this.wechat = wechat;
        this.calls = calls;
        this.clock = clock;
    }

    /** One pass (the scheduler runs it under the job's lock); nothing while digest mode is off. */
    void run() {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (Digest open : digests.open()) {
            if (open.sendAfter() == null || !now.isBefore(open.sendAfter())) {
                advance(open);
            }
        }
        LocalDate today = calendar.day(now);
        String id = DigestCalendar.id(today);
        if (!calendar.due(now)
                || digests.find(id).isPresent()
                || !digests.open().isEmpty()
                || digests.sentBetween(
                        calendar.startOf(today), calendar.startOf(today.plusDays(1)))) {
            // one digest a day: a digest parked yesterday and sent today took today's slot
            return;
        }
        Instant cutOff = calendar.sendTime(today);
        Selected selected =
                DigestSelection.select(digests.candidates(), cutOff, properties.maxArticles());
        Optional<Digest> planned =
                digests.plan(id, today, cutOff, selected.taken(), selected.rolled().size());
        if (planned.isEmpty()) {
            return;
        }
        log.info(
                "Planned {}: {} item(s){}",
                id,
                selected.taken().size(),
                selected.rolled().isEmpty()
                        ? ""
                        : ", %d roll to the next digest".formatted(selected.rolled().size()));
        if (!selected.taken().isEmpty()) {
            advance(planned.get());
        }
    }

    /** One step further: draft, then mass send. */
    private void advance(Digest digest) {
        String id = digest.id();
        Instant now = clock.instant();
        try {
            String mediaId = digest.draftMediaId();
            if (mediaId == null) {
                List<DraftArticle> articles = digests.articles(id);
                if (articles.isEmpty()) {
                    digests.failed(id, "no article left to send");
                    return;
                }
                // a lost answer leaves at worst an unused draft: the digest is drafted again
                mediaId = calls.call("draft/add", () -> wechat.addDraft(articles));
                digests.drafted(id, mediaId);
                log.info("Drafted {} as {} ({} article(s))", id, mediaId, articles.size());
            }
            digests.attempted(id);
            String draft = mediaId;
            MassSent sent =
                    calls.call("message/mass/sendall", () -> wechat.massSendToAll(draft, id));
            String detail =
                    sent.alreadySent()
                            ? "WeChat errcode 45065: clientmsgid %s was already sent; counted as sent"
                                    .formatted(id)
                            : "mass-sent to all followers";
            digests.sent(id, sent.msgId(), detail);
            log.info("Mass-sent {} as message {}: {}", id, sent.msgId(), detail);
        } catch (WeChatRefused e) {
            refused(digest, e, now);
        } catch (ChannelParked e) {
            // 45009 (until midnight China time) or the breaker open (until its probe)
            digests.parked(id, e.until(), e.getMessage());
            log.warn("Digest {} parked until {}: {}", id, e.until(), e.reason());
        } catch (TransientDeliveryFailure e) {
            String detail =
                    "%s; sent again at the next pass with the same draft and clientmsgid %s"
                            .formatted(e.getMessage(), id);
            digests.stillDue(id, detail);
            log.warn("Digest {}: {}", id, detail);
        }
    }

    private void refused(Digest digest, WeChatRefused e, Instant now) {
        String id = digest.id();
        switch (e.errcode()) {
            case NO_MASS_SEND_QUOTA -> {
                Instant until = calendar.nextSendTime(now);
                digests.parked(id, until, "%s; parked until %s".formatted(e.getMessage(), until));
                log.warn("Digest {} parked until {}: {}", id, until, e.getMessage());
            }
            case ALREADY_SENT -> {
                // 45065 without the original msg_id: it went out all the same
                digests.sent(id, null, e.getMessage() + "; counted as sent");
            }
            default -> {
                digests.failed(id, e.getMessage());
                log.error("Digest {} failed: {}", id, e.getMessage());
            }
        }
    }
}
