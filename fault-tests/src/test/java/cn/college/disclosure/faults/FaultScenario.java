package cn.college.disclosure.faults;

import static org.awaitility.Awaitility.await;

import cn.college.disclosure.pipeline.Api;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * One fault scenario: approvals through the REST API at a steady pace while faults happen at set
 * times, then a bounded wait for every delivery to settle, then the count: from the fakes' own
 * records (each item exactly once per channel), the core's API (every delivery DELIVERED, none
 * stuck) and the annual statistics against a direct count of the channels' ledgers. The row goes
 * into the results table before anything is asserted, so a failing scenario still reports what it
 * saw.
 */
final class FaultScenario {

    /** The four channels, as the core names them; every item targets all four. */
    static final List<String> CHANNELS =
            List.of("WEBSITE", "WECHAT", "LED_SCREEN", "CAMPUS_PLATFORM");

    private static final List<String> UNSETTLED = List.of("PENDING", "RETRYING", "UNCONFIRMED");
    private static final ZoneId STATISTICS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * An approved item.
     *
     * @param token a code unique to the item, in its title and its LED text
     */
    record Approved(String id, String title, String token) {}

    /** A fault, or its end, at a time after the scenario started. */
    private record Action(Duration at, String what, Runnable action) {}

    private final FaultStack stack;
    private final String name;
    private final String code;
    private final Api liaison;
    private final Api reporter;
    private int approvals = 100;
    private Duration pace = Duration.ofMillis(300);
    private Duration settleWithin = Duration.ofMinutes(3);
    private final List<Action> actions = new ArrayList<>();
    private final List<Supplier<String>> checks = new ArrayList<>();
    private boolean recheckEarlier;

    private FaultScenario(FaultStack stack, String name, String code) {
        this.stack = stack;
        this.name = name;
        this.code = code;
        this.liaison = new Api(stack.url("publisher-core"), "liaison", "demo");
        this.reporter = new Api(stack.url("publisher-core"), "reporter", "demo");
    }

    /**
     * @param code a few letters in every title of the scenario
     */
    static FaultScenario on(FaultStack stack, String name, String code) {
        return new FaultScenario(stack, name, code);
    }

    FaultScenario approvals(int count, Duration between) {
        approvals = count;
        pace = between;
        return this;
    }

    FaultScenario at(Duration after, String what, Runnable action) {
        actions.add(new Action(after, what, action));
        return this;
    }

    FaultScenario settleWithin(Duration bound) {
        settleWithin = bound;
        return this;
    }

    /** A further check after the settling; it answers what is wrong, or "" when nothing is. */
    FaultScenario check(Supplier<String> check) {
        checks.add(check);
        return this;
    }

    /** Also counts every item approved on the stack before (a replay must not repeat any). */
    FaultScenario recheckEarlierItems() {
        recheckEarlier = true;
        return this;
    }

    FaultResults.Row run() {
        Instant started = Instant.now();
        List<Approved> earlier = stack.approved();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Approved> items = approveUnderFaults(problems);
        Instant approvedAt = Instant.now();

        Map<String, Map<String, String>> status = new HashMap<>();
        try {
            await().atMost(settleWithin)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> settled(items, status));
        } catch (ConditionTimeoutException e) {
            // counted below as stuck
        }
        Instant settledAt = Instant.now();
        awaitOutsideWorldQuiet();

        FakesRecords outside = FakesRecords.of(stack);
        int delivered = 0;
        int duplicates = 0;
        int missing = 0;
        int stuck = 0;
        int failed = 0;
        List<String> details = new ArrayList<>();
        for (Approved item : items) {
            Map<String, String> deliveries = status.getOrDefault(item.id(), Map.of());
            for (String channel : CHANNELS) {
                String state = deliveries.getOrDefault(channel, "ABSENT");
                int shown = outside.count(channel, item);
                if (state.equals("DELIVERED")) {
                    delivered++;
                } else if (state.equals("FAILED")) {
                    failed++;
                    details.add(channel + " FAILED " + item.title());
                } else {
                    stuck++;
                    details.add(channel + " " + state + " " + item.title());
                }
                if (shown > 1) {
                    duplicates++;
                    details.add(channel + " shown " + shown + "× " + item.title());
                } else if (shown == 0) {
                    missing++;
                    details.add(channel + " not shown " + item.title());
                }
            }
        }
        if (recheckEarlier) {
            int repeated = 0;
            int lost = 0;
            for (Approved item : earlier) {
                for (String channel : CHANNELS) {
                    int shown = outside.count(channel, item);
                    if (shown > 1) {
                        repeated++;
                        details.add(
                                "earlier: " + channel + " shown " + shown + "× " + item.title());
                    } else if (shown == 0) {
                        lost++;
                        details.add("earlier: " + channel + " not shown " + item.title());
                    }
                }
            }
            duplicates += repeated;
            missing += lost;
            problems.add(
                    "replayed %d earlier items: %d duplicates, %d missing"
                            .formatted(earlier.size(), repeated, lost));
        }
        String statistics = statisticsAgainstLedgers();
        problems.add(
                0,
                "approved in %d s, settled %d s later"
                        .formatted(
                                Duration.between(started, approvedAt).toSeconds(),
                                Duration.between(approvedAt, settledAt).toSeconds()));
        for (Supplier<String> check : checks) {
            String found = check.get();
            if (!found.isEmpty()) {
                problems.add(found);
            }
        }
        FaultResults.Row row =
                new FaultResults.Row(
                        name,
                        items.size(),
                        delivered,
                        duplicates,
                        missing,
                        stuck,
                        failed,
                        statistics,
                        String.join("; ", problems),
                        Duration.between(started, Instant.now()).toSeconds());
        FaultResults.add(row);

        SoftAssertions softly = new SoftAssertions();
        String seen = String.join("\n", details.subList(0, Math.min(details.size(), 20)));
        softly.assertThat(items).as("approvals").hasSize(approvals);
        softly.assertThat(duplicates).as("(item, channel) shown twice or more:\n" + seen).isZero();
        softly.assertThat(missing).as("(item, channel) not shown:\n" + seen).isZero();
        softly.assertThat(stuck).as("deliveries not settled:\n" + seen).isZero();
        softly.assertThat(failed).as("deliveries FAILED without a refusal:\n" + seen).isZero();
        softly.assertThat(statistics)
                .as("annual statistics against the ledgers")
                .isEqualTo("= ledger");
        softly.assertThat(
                        problems.stream()
                                .filter(
                                        p ->
                                                !p.startsWith("replayed ")
                                                        && !p.startsWith("approved in "))
                                .toList())
                .as("faults and further checks")
                .isEmpty();
        softly.assertAll();
        return row;
    }

    /** Approves at the pace while the faults run at their times; returns the approved items. */
    private List<Approved> approveUnderFaults(List<String> problems) {
        List<Approved> items = new CopyOnWriteArrayList<>();
        ScheduledExecutorService approver = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService faults = Executors.newScheduledThreadPool(4);
        CompletableFuture<Void> approvedAll = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        List<ScheduledFuture<?>> scheduled = new ArrayList<>();
        try {
            approver.scheduleAtFixedRate(
                    () -> {
                        if (approvedAll.isDone()) {
                            return;
                        }
                        int index = next.getAndIncrement();
                        if (index >= approvals) {
                            approvedAll.complete(null);
                            return;
                        }
                        try {
                            Approved item = approveOne(index);
                            items.add(item);
                            stack.approvedNow(item);
                        } catch (RuntimeException | AssertionError e) {
                            problems.add("approval " + index + ": " + e.getMessage());
                            approvedAll.completeExceptionally(e);
                        }
                    },
                    0,
                    pace.toMillis(),
                    TimeUnit.MILLISECONDS);
            for (Action action : actions) {
                scheduled.add(
                        faults.schedule(
                                () -> {
                                    try {
                                        action.action().run();
                                    } catch (RuntimeException e) {
                                        problems.add(action.what() + " failed: " + e.getMessage());
                                    }
                                },
                                action.at().toMillis(),
                                TimeUnit.MILLISECONDS));
            }
            Duration bound = pace.multipliedBy(approvals).plus(Duration.ofMinutes(6));
            await().atMost(bound).until(approvedAll::isDone);
            await().atMost(Duration.ofMinutes(6))
                    .until(() -> scheduled.stream().allMatch(ScheduledFuture::isDone));
        } catch (ConditionTimeoutException e) {
            problems.add("approvals or faults did not finish: " + e.getMessage());
        } finally {
            approver.shutdownNow();
            faults.shutdownNow();
        }
        return List.copyOf(items);
    }

    private Approved approveOne(int index) {
        String token = token();
        String title = "故障%s %03d %s".formatted(code, index, token);
        String body =
                """
                {"title": "%s", "summary": "故障测试", "body": "<p>故障测试正文 %s</p>",
                 "catalogueItem": 7, "producedOn": "%s",
                 "channels": ["WEBSITE", "WECHAT", "LED_SCREEN", "CAMPUS_PLATFORM"],
                 "ledText": "测试%s", "ledGroups": ["demo"]}
                """
                        .formatted(title, token, LocalDate.now(STATISTICS_ZONE), token);
        // while the core or its database is away, the office tries again
        String id =
                await().atMost(Duration.ofMinutes(5))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptionsInstanceOf(IllegalStateException.class)
                        .until(() -> create(body), created -> !created.isEmpty());
        await().atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> approve(id));
        return new Approved(id, title, token);
    }

    private String create(String body) {
        Api.Response created = liaison.post("api/items", body);
        if (created.status() >= 500) {
            return "";
        }
        if (created.status() != 201) {
            throw new AssertionError(
                    "POST /api/items answered " + created.status() + ": " + created.raw().body());
        }
        return created.body().path("id").asString();
    }

    private boolean approve(String id) {
        Api.Response approved = liaison.post("api/items/" + id + "/approve", "{}");
        if (approved.status() == 200) {
            return true;
        }
        if (approved.status() >= 500) {
            return false;
        }
        if (approved.status() == 409) {
            // an earlier try went through although its answer was lost
            return !liaison.get("api/items/" + id).body().path("status").asString().equals("DRAFT");
        }
        throw new AssertionError(
                "approve " + id + " answered " + approved.status() + ": " + approved.raw().body());
    }

    /** Reads the deliveries of the items not settled yet; true when none is left. */
    private boolean settled(List<Approved> items, Map<String, Map<String, String>> status) {
        boolean all = true;
        for (Approved item : items) {
            Map<String, String> known = status.get(item.id());
            if (known != null && isSettled(known)) {
                continue;
            }
            Api.Response response = liaison.get("api/items/" + item.id());
            if (response.status() != 200) {
                all = false;
                continue;
            }
            Map<String, String> deliveries = new LinkedHashMap<>();
            for (JsonNode delivery : response.body().path("deliveries")) {
                deliveries.put(
                        delivery.path("channel").asString(), delivery.path("status").asString());
            }
            status.put(item.id(), deliveries);
            all &= isSettled(deliveries);
        }
        return all;
    }

    private static boolean isSettled(Map<String, String> deliveries) {
        return CHANNELS.stream()
                .allMatch(
                        channel -> {
                            String state = deliveries.get(channel);
                            return state != null && !UNSETTLED.contains(state);
                        });
    }

    /** Waits (bounded) until the outside world stopped changing for ten seconds. */
    private void awaitOutsideWorldQuiet() {
        String[] last = {""};
        Instant[] changed = {Instant.now()};
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(
                            () -> {
                                String now = FakesRecords.of(stack).fingerprint();
                                if (!now.equals(last[0])) {
                                    last[0] = now;
                                    changed[0] = Instant.now();
                                }
                                return Duration.between(changed[0], Instant.now()).toSeconds()
                                        >= 10;
                            });
        } catch (ConditionTimeoutException e) {
            // still changing: counted as it is
        }
    }

    /**
     * The annual statistics of the current statistics year against a count of each channel's
     * ledger: "= ledger", or the channels whose numbers differ.
     */
    private String statisticsAgainstLedgers() {
        LocalDate today = LocalDate.now(STATISTICS_ZONE);
        int year = today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
        String[] difference = {""};
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(3))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(
                            () -> {
                                Api.Response answer =
                                        reporter.get("api/statistics/annual?year=" + year);
                                if (answer.status() != 200) {
                                    difference[0] = "statistics answered " + answer.status();
                                    return false;
                                }
                                List<String> differ = new ArrayList<>();
                                for (JsonNode count : answer.body().path("channels")) {
                                    String channel = count.path("channel").asString();
                                    if (CHANNELS.contains(channel)) {
                                        long ledger = stack.ledgerCount(channel);
                                        long counted = count.path("count").asLong();
                                        if (ledger != counted) {
                                            differ.add(
                                                    "%s %d ≠ ledger %d"
                                                            .formatted(channel, counted, ledger));
                                        }
                                    }
                                }
                                difference[0] = String.join(", ", differ);
                                return differ.isEmpty();
                            });
            return "= ledger";
        } catch (ConditionTimeoutException e) {
            return difference[0].isEmpty() ? "not answered" : difference[0];
        }
    }

    private static String token() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            token.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return token.toString();
    }
}
