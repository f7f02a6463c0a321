package cn.college.disclosure.fakes.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The fake enterprise's state: tokens, sent messages, call counts, scripts.
 *
 * <p>The duplicate check: with {@code enable_duplicate_check: 1}, a message identical to one sent
 * within {@code duplicate_check_interval} seconds (same agent, recipients, type and content) is not
 * sent again; the fake then answers {@code errcode 0} with the first message's {@code msgid} (an
 * assumption: WeCom's documentation only says the repeat is not sent).
 */
class FakeWeCom {

    /** One error answer. */
    static final class Refusal extends RuntimeException {
        final int errcode;

        Refusal(int errcode, String errmsg) {
            super(errmsg);
            this.errcode = errcode;
        }
    }

    private record Sent(
            String msgid,
            String touser,
            String toparty,
            JsonNode textcard,
            String content,
            Instant sentAt,
            List<String> delivered,
            boolean[] recalled) {}

    private final FakeWeComProperties properties;
    private final Clock clock;
    private final Map<String, Instant> tokens = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final Map<String, Deque<WeComScript>> scripts = new HashMap<>();
    private int tokenFetches;
    private int duplicatesDropped;

    FakeWeCom(FakeWeComProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    synchronized Map<String, Object> getToken(String corpId, String corpSecret) {
        if (!properties.corpId().equals(corpId)) {
            throw new Refusal(40013, "invalid corpid");
        }
        if (!properties.corpSecret().equals(corpSecret)) {
            throw new Refusal(40001, "invalid credential");
        }
        String token = "WECOM_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.instant().plus(properties.tokenLifetime()));
        tokenFetches++;
        return Map.of(
                "errcode",
                0,
                "errmsg",
                "ok",
                "access_token",
                token,
                "expires_in",
                properties.tokenLifetime().toSeconds());
    }

    synchronized void admit(String token) {
        Instant expiry = tokens.get(token);
        if (expiry == null) {
            throw new Refusal(40014, "invalid access_token");
        }
        if (!clock.instant().isBefore(expiry)) {
            throw new Refusal(42001, "access_token expired");
        }
    }

    synchronized Map<String, Object> send(JsonNode message) {
        if (message.path("agentid").asInt() != properties.agentId()) {
            throw new Refusal(40056, "invalid agentid");
        }
        if (!message.path("msgtype").asString("").equals("textcard")) {
            throw new Refusal(40008, "invalid message type (the fake knows textcard only)");
        }
        JsonNode card = message.path("textcard");
        for (String field : List.of("title", "description", "url")) {
            if (card.path(field).asString("").isBlank()) {
                throw new Refusal(41016, "missing " + field);
            }
        }
        if (bytes(card.path("title").asString()) > 128) {
            throw new Refusal(44004, "title exceeds 128 bytes");
        }
        if (bytes(card.path("description").asString()) > 512) {
            throw new Refusal(44004, "description exceeds 512 bytes");
        }
        String touser = message.path("touser").asString("");
        String toparty = message.path("toparty").asString("");
        List<String> users = split(touser);
        List<String> parties = split(toparty);
        List<String> invalidUsers =
                users.stream()
                        .filter(u -> !u.equals("@all") && !properties.users().contains(u))
                        .toList();
        List<String> invalidParties =
                parties.stream().filter(p -> !properties.parties().contains(p)).toList();
        List<String> delivered = new ArrayList<>();
        if (users.contains("@all")) {
            delivered.addAll(properties.users());
        } else {
            users.stream().filter(properties.users()::contains).forEach(delivered::add);
        }
        parties.stream()
                .filter(properties.parties()::contains)
                .forEach(p -> delivered.add("party:" + p));
        if (delivered.isEmpty()) {
            throw new Refusal(81013, "user & party & tag all invalid");
        }
        String content =
                message.path("agentid").asInt() + "|" + touser + "|" + toparty + "|" + card;
        Instant now = clock.instant();
        if (message.path("enable_duplicate_check").asInt(0) == 1) {
            Duration window =
                    Duration.ofSeconds(message.path("duplicate_check_interval").asLong(1800));
            Optional<Sent> earlier =
                    sent.stream()
                            .filter(s -> s.content().equals(content))
                            .filter(s -> s.sentAt().plus(window).isAfter(now))
                            .findFirst();
            if (earlier.isPresent()) {
                duplicatesDropped++;
                return answer(earlier.get().msgid(), invalidUsers, invalidParties);
            }
        }
        String msgid = "MSG_" + UUID.randomUUID().toString().replace("-", "");
        sent.add(new Sent(msgid, touser, toparty, card, content, now, delivered, new boolean[1]));
        return answer(msgid, invalidUsers, invalidParties);
    }

    synchronized void recall(String msgid) {
        Sent message =
                sent.stream()
                        .filter(s -> s.msgid().equals(msgid))
                        .findFirst()
                        .orElseThrow(() -> new Refusal(40104, "invalid msgid"));
        if (message.sentAt().plus(Duration.ofHours(24)).isBefore(clock.instant())) {
            throw new Refusal(40105, "message older than 24 hours cannot be recalled");
        }
        message.recalled()[0] = true;
    }

    private static Map<String, Object> answer(
            String msgid, List<String> invalidUsers, List<String> invalidParties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("invaliduser", String.join("|", invalidUsers));
        body.put("invalidparty", String.join("|", invalidParties));
        body.put("invalidtag", "");
        body.put("unlicenseduser", "");
        body.put("msgid", msgid);
        return body;
    }

    // --- sandbox ---

    synchronized void count(String endpoint) {
        calls.merge(endpoint, 1, Integer::sum);
    }

    synchronized Optional<WeComScript> nextScript(String endpoint) {
        Deque<WeComScript> queue = scripts.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        WeComScript head = queue.poll();
        if (head.times() > 1) {
            queue.addFirst(head.once());
        }
        return Optional.of(head);
    }

    synchronized void script(WeComScript script) {
        scripts.computeIfAbsent(script.endpoint(), e -> new ArrayDeque<>()).add(script);
    }

    synchronized void expireTokens() {
        tokens.replaceAll((token, expiry) -> clock.instant().minusSeconds(1));
    }

    synchronized List<Map<String, Object>> messages() {
        return sent.stream()
                .map(
                        s -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("msgid", s.msgid());
                            view.put("touser", s.touser());
                            view.put("toparty", s.toparty());
                            view.put("title", s.textcard().path("title").asString());
                            view.put("description", s.textcard().path("description").asString());
                            view.put("url", s.textcard().path("url").asString());
                            view.put("btntxt", s.textcard().path("btntxt").asString());
                            view.put("delivered", s.delivered());
                            view.put("recalled", s.recalled()[0]);
                            view.put("sentAt", s.sentAt().toString());
                            return view;
                        })
                .collect(Collectors.toList());
    }

    synchronized Map<String, Object> calls() {
        return Map.of(
                "calls", Map.copyOf(calls),
                "tokenFetches", tokenFetches,
                "duplicatesDropped", duplicatesDropped);
    }

    synchronized void reset() {
        tokens.clear();
        sent.clear();
        calls.clear();
        scripts.clear();
        tokenFetches = 0;
        duplicatesDropped = 0;
    }

    private static List<String> split(String ids) {
        return ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static int bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
