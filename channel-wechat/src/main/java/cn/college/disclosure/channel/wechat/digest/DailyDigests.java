package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.DraftArticle;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.MassSent;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.channel.wechat.api.WeChatUnreachable;
import cn.college.disclosure.channel.wechat.digest.DigestSelection.Selected;
import cn.college.disclosure.channel.wechat.digest.Digests.Digest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the daily digest. Every {@code check-interval}, on one instance at a time (a PostgreSQL
 * advisory lock per AppID):
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
 * <p>Answers: 45065 means this clientmsgid already went out (a resend after a lost answer) and
 * counts as sent, with the original msg_id. 45028 (no mass-send quota left) parks the digest until
 * the next day's send time; 45009 (API quota) until midnight. Busy, token and connection failures
 * wait {@code retry-interval} and resend the same draft under the same clientmsgid, so WeChat
 * cannot push it twice. Every other errcode fails the digest, with the code and message.
 */
class DailyDigests implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);
    private static final int ALREADY_SENT = 45065;
    private static final int NO_MASS_SEND_QUOTA = 45028;
    private static final int DAILY_API_QUOTA = 45009;

    private final WeChatDigestProperties properties;
    private final DigestCalendar calendar;
    private final Digests digests;
    private final WeChatApiClient wechat;
    private final DataSource dataSource;
    private final String lockName;
    private final Clock clock;
    private @Nullable ScheduledExecutorService scheduler;

    DailyDigests(
            WeChatDigestProperties properties,
            Digests digests,
            WeChatApiClient wechat,
            DataSource dataSource,
            String appId,
            Clock clock) {
        this.properties = properties;
        this.calendar = new DigestCalendar(properties.sendAt(), properties.zone());
        this.digests = digests;
        this.wechat = wechat;
        this.dataSource = dataSource;
        this.lockName = "wechat-digest:" + appId;
        this.clock = clock;
    }

    /** One pass; does nothing when another instance is at it. */
    void run() {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisory(connection, "select pg_try_advisory_lock(hashtext(?))")) {
                return;
            }
            try {
                runLocked();
            } finally {
                advisory(connection, "select pg_advisory_unlock(hashtext(?))");
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Digest pass failed; trying again in {}", properties.checkInterval(), e);
        }
    }

    private void runLocked() {
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
                mediaId = wechat.addDraft(articles);
                digests.drafted(id, mediaId);
                log.info("Drafted {} as {} ({} article(s))", id, mediaId, articles.size());
            }
            digests.attempted(id);
            MassSent sent = wechat.massSendToAll(mediaId, id);
            String detail =
                    sent.alreadySent()
                            ? "WeChat errcode 45065: clientmsgid %s was already sent; counted as sent"
                                    .formatted(id)
                            : "mass-sent to all followers";
            digests.sent(id, sent.msgId(), detail);
            log.info("Mass-sent {} as message {}: {}", id, sent.msgId(), detail);
        } catch (WeChatRefused e) {
            refused(digest, e, now);
        } catch (WeChatUnreachable e) {
            Instant retry = now.plus(properties.retryInterval());
            String detail =
                    e.mayHaveApplied()
                            ? "%s; it may have been sent: resending with clientmsgid %s after %s"
                                    .formatted(e.getMessage(), id, retry)
                            : "%s; retrying after %s".formatted(e.getMessage(), retry);
            digests.retryAfter(id, retry, detail);
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
            case DAILY_API_QUOTA -> {
                Instant until = calendar.nextMidnight(now);
                digests.parked(id, until, "%s; parked until %s".formatted(e.getMessage(), until));
                log.warn("Digest {} parked until {}: {}", id, until, e.getMessage());
            }
            case ALREADY_SENT -> {
                // 45065 without the original msg_id: it went out all the same
                digests.sent(id, null, e.getMessage() + "; counted as sent");
            }
            default -> {
                switch (e.kind()) {
                    case TRANSIENT, TOKEN -> {
                        Instant retry = now.plus(properties.retryInterval());
                        digests.retryAfter(
                                id,
                                retry,
                                "%s; retrying after %s".formatted(e.getMessage(), retry));
                    }
                    default -> {
                        digests.failed(id, e.getMessage());
                        log.error("Digest {} failed: {}", id, e.getMessage());
                    }
                }
            }
        }
    }

    private boolean advisory(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, lockName);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock " + lockName + ": " + e.getMessage(), e);
        }
    }

    // --- lifecycle: the pass runs on its own thread while digest mode is on ---

    @Override
    public synchronized void start() {
        if (!properties.enabled() || scheduler != null) {
            return;
        }
        ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "wechat-digest");
                            thread.setDaemon(true);
                            return thread;
                        });
        Duration every = properties.checkInterval();
        executor.scheduleWithFixedDelay(
                this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
        log.info(
                "Digest mode on: up to {} articles mass-sent daily at {} {}",
                properties.maxArticles(),
                properties.sendAt(),
                properties.zone());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
