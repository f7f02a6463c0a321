package cn.college.disclosure.fakes.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The state of the fake account and the rules the real API enforces: token validity, a daily call
 * quota, field limits, at most 8 articles per draft, external images stripped, scripts removed. All
 * methods are synchronised: the fake is small and correctness beats throughput.
 */
class FakeWeChatAccount {

    static final int MAX_TITLE = 32;
    static final int MAX_AUTHOR = 16;
    static final int MAX_DIGEST = 128;
    static final int MAX_CONTENT_CHARS = 20_000;
    static final int MAX_CONTENT_BYTES = 1024 * 1024;
    static final int MAX_ARTICLES = 8;
    static final int MAX_BODY_IMAGE_BYTES = 1024 * 1024;
    static final int MAX_THUMB_BYTES = 64 * 1024;
    static final int MAX_IMAGE_MATERIAL_BYTES = 10 * 1024 * 1024;

    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC =
            Pattern.compile("src\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b.*?</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** An article as WeChat keeps it. */
    record Article(
            String title,
            @Nullable String author,
            @Nullable String digest,
            String content,
            @Nullable String contentSourceUrl,
            String thumbMediaId) {}

    /**
     * A permanent material ({@code material/add_material}) as WeChat keeps it.
     *
     * @param type {@code image} or {@code thumb}
     * @param format the format its bytes are in: {@code jpg}, {@code png}, {@code gif}, {@code
     *     bmp}, {@code webp} or {@code unknown}
     */
    record Material(
            String mediaId, String type, String sha256, long size, String format, Instant at) {}

    /** An image uploaded for an article body ({@code media/uploadimg}) and its CDN address. */
    record UploadedImage(String url, String sha256, long size, String format, Instant at) {}

    /** A draft in the draft box, until a successful publish consumes it. */
    record Draft(String mediaId, List<Article> articles, Instant updateTime) {}

    /** A publish job and, once it succeeded, the published article. */
    static final class Publication {
        final long publishId;
        final String mediaId;
        final List<Article> articles;
        int status = 1;
        @Nullable String articleId;
        @Nullable String articleUrl;
        boolean deleted;
        Instant updateTime;

        Publication(long publishId, String mediaId, List<Article> articles, Instant updateTime) {
            this.publishId = publishId;
            this.mediaId = mediaId;
            this.articles = articles;
            this.updateTime = updateTime;
        }
    }

    private final FakeWeChatProperties properties;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(2_247_483_000L);

    private final Map<String, Instant> tokens = new HashMap<>();
    private @Nullable String stableToken;
    private final Map<String, Integer> tokenFetches = new LinkedHashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final Map<String, Deque<ScriptedFailure>> scripts = new HashMap<>();
    private final Map<String, Material> materials = new LinkedHashMap<>();
    private final List<UploadedImage> images = new ArrayList<>();
    private final List<String> strippedImages = new ArrayList<>();
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<Long, Publication> publications = new LinkedHashMap<>();
    private final Map<String, Long> massSent = new HashMap<>();
    private final List<Map<String, Object>> massSends = new ArrayList<>();
    private final Deque<Integer> nextPublishStatuses = new ArrayDeque<>();
    private int callsToday;
    private int dailyQuota;
    private int massSendsToday;
    private @Nullable String callbackUrl;
    private boolean callbacksEnabled = true;
    private Duration publishDelay;

    FakeWeChatAccount(FakeWeChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        reset();
    }

    synchronized void reset() {
        tokens.clear();
        stableToken = null;
        tokenFetches.clear();
        calls.clear();
        scripts.clear();
        materials.clear();
        images.clear();
        strippedImages.clear();
        drafts.clear();
        publications.clear();
        massSent.clear();
        massSends.clear();
        nextPublishStatuses.clear();
        callsToday = 0;
        massSendsToday = 0;
        dailyQuota = properties.dailyQuota();
        callbackUrl = properties.callbackUrl() == null ? null : properties.callbackUrl().toString();
        callbacksEnabled = true;
        publishDelay = properties.publishDelay();
    }

    // --- sandbox ---

    synchronized void script(ScriptedFailure failure) {
        scripts.computeIfAbsent(failure.endpoint(), e -> new ArrayDeque<>()).add(failure);
    }

    /** Takes the script for this call of the endpoint, if one is queued. */
    synchronized Optional<ScriptedFailure> nextScript(String endpoint) {
        Deque<ScriptedFailure> queue = scripts.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        ScriptedFailure head = queue.poll();
        if (head.times() > 1) {
            queue.addFirst(
                    new ScriptedFailure(
                            head.endpoint(),
                            head.times() - 1,
                            head.errcode(),
                            head.errmsg(),
                            head.httpStatus(),
                            head.delayMillis(),
                            head.applyThenDrop(),
                            head.answerDelayMillis(),
                            head.expireToken()));
        }
        return Optional.of(head);
    }

    synchronized void settings(
            @Nullable String callbackUrl,
            @Nullable Boolean callbacksEnabled,
            @Nullable Integer dailyQuota,
            @Nullable Duration publishDelay) {
        if (publishDelay != null) {
            this.publishDelay = publishDelay;
        }
        if (callbackUrl != null) {
            this.callbackUrl = callbackUrl;
        }
        if (callbacksEnabled != null) {
            this.callbacksEnabled = callbacksEnabled;
        }
        if (dailyQuota != null) {
            this.dailyQuota = dailyQuota;
        }
    }

    synchronized void newDay() {
        callsToday = 0;
        massSendsToday = 0;
    }

    synchronized void expireTokens() {
        tokens.replaceAll((token, expiry) -> clock.instant().minusSeconds(1));
    }

    synchronized void endNextPublishWith(int status) {
        nextPublishStatuses.add(status);
    }

    /** How long a publish job takes from submit to its outcome. */
    synchronized Duration publishDelay() {
        return publishDelay;
    }

    synchronized @Nullable String callbackUrl() {
        return callbacksEnabled ? callbackUrl : null;
    }

    synchronized Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    synchronized Map<String, Integer> tokenFetches() {
        return Map.copyOf(tokenFetches);
    }

    synchronized List<Map<String, Object>> articles() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Publication publication : publications.values()) {
            if (publication.articleId == null) {
                continue;
            }
            Article article = publication.articles.get(0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", article.title());
            row.put("article_url", publication.articleUrl);
            row.put("article_id", publication.articleId);
            row.put("publish_id", publication.publishId);
            row.put("deleted", publication.deleted);
            row.put("publish_status", publication.status);
            row.put("content", article.content());
            row.put("content_source_url", article.contentSourceUrl());
            row.put("author", article.author());
            row.put("digest", article.digest());
            row.put("thumb_media_id", article.thumbMediaId());
            list.add(row);
        }
        return list;
    }

    /**
     * Every publish job WeChat accepted, also those still publishing or failed, oldest first: two
     * jobs for one (item, version) are a duplicate even before the second finishes.
     */
    synchronized List<Map<String, Object>> jobs() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Publication publication : publications.values()) {
            Article article = publication.articles.get(0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("publish_id", publication.publishId);
            row.put("media_id", publication.mediaId);
            row.put("publish_status", publication.status);
            row.put("article_id", publication.articleId);
            row.put("title", article.title());
            row.put("content_source_url", article.contentSourceUrl());
            row.put("deleted", publication.deleted);
            list.add(row);
        }
        return list;
    }

    /** The draft box now, newest first: {@code media_id}, {@code titles}, sources, update time. */
    synchronized List<Map<String, Object>> draftBox() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Draft draft : draftList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("media_id", draft.mediaId());
            row.put("titles", draft.articles().stream().map(Article::title).toList());
            row.put(
                    "content_source_urls",
                    draft.articles().stream()
                            .map(a -> a.contentSourceUrl() == null ? "" : a.contentSourceUrl())
                            .toList());
            row.put("update_time", draft.updateTime().toString());
            list.add(row);
        }
        return list;
    }

    // --- the API's rules ---

    synchronized void count(String endpoint) {
        calls.merge(endpoint, 1, Integer::sum);
    }

    synchronized Map<String, Object> stableToken(
            String appId, String secret, boolean forceRefresh) {
        checkCredentials(appId, secret);
        tokenFetches.merge("stable_token", 1, Integer::sum);
        Instant now = clock.instant();
        if (forceRefresh || stableToken == null || !valid(stableToken)) {
            stableToken = newToken();
        }
        long left = Duration.between(now, tokens.get(stableToken)).toSeconds();
        return Map.of("access_token", stableToken, "expires_in", left);
    }

    synchronized Map<String, Object> token(String appId, String secret) {
        checkCredentials(appId, secret);
        tokenFetches.merge("token", 1, Integer::sum);
        String token = newToken();
        return Map.of("access_token", token, "expires_in", properties.tokenLifetime().toSeconds());
    }

    /** Every API call but the token's: the token must be valid and the day's quota left. */
    synchronized void admit(@Nullable String accessToken) {
        if (accessToken == null || !tokens.containsKey(accessToken)) {
            throw new WeChatRefusal(
                    40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!valid(accessToken)) {
            throw new WeChatRefusal(42001, "access_token expired");
        }
        if (callsToday >= dailyQuota) {
            throw new WeChatRefusal(45009, "reach max api daily quota limit");
        }
        callsToday++;
    }

    /**
     * {@code material/add_material}: as WeChat checks it, by the bytes and not the file name. A
     * {@code thumb} is JPG only (40005 otherwise) and at most 64 KB (45001 media size out of
     * limit); an {@code image} is BMP, PNG, JPEG or GIF (40005) and at most 10 MB (40009 invalid
     * image size); any other type is 40004.
     */
    synchronized String addMaterial(String type, byte[] bytes) {
        if (bytes.length == 0) {
            throw new WeChatRefusal(41005, "media data missing");
        }
        String format = format(bytes);
        switch (type) {
            case "thumb" -> {
                if (!format.equals("jpg")) {
                    throw new WeChatRefusal(40005, "invalid file type");
                }
                if (bytes.length > MAX_THUMB_BYTES) {
                    throw new WeChatRefusal(45001, "media size out of limit");
                }
            }
            case "image" -> {
                if (!Set.of("jpg", "png", "gif", "bmp").contains(format)) {
                    throw new WeChatRefusal(40005, "invalid file type");
                }
                if (bytes.length > MAX_IMAGE_MATERIAL_BYTES) {
                    throw new WeChatRefusal(40009, "invalid image size");
                }
            }
            default -> throw new WeChatRefusal(40004, "invalid media type");
        }
        String mediaId = "MEDIA_" + UUID.randomUUID().toString().replace("-", "");
        materials.put(
                mediaId,
                new Material(mediaId, type, sha256(bytes), bytes.length, format, clock.instant()));
        return mediaId;
    }

    /**
     * {@code media/uploadimg}: JPG or PNG by the bytes (40005 invalid file type), at most 1 MB
     * (40009 invalid image size); the answer is the image's address on WeChat's CDN.
     */
    synchronized String uploadImage(byte[] bytes) {
        if (bytes.length == 0) {
            throw new WeChatRefusal(41005, "media data missing");
        }
        String format = format(bytes);
        if (!format.equals("jpg") && !format.equals("png")) {
            throw new WeChatRefusal(40005, "invalid file type");
        }
        if (bytes.length > MAX_BODY_IMAGE_BYTES) {
            throw new WeChatRefusal(40009, "invalid image size");
        }
        String url =
                "http://mmbiz.qpic.cn/mmbiz_"
                        + format
                        + "/"
                        + ids.incrementAndGet()
                        + "/0?wx_fmt="
                        + (format.equals("jpg") ? "jpeg" : format);
        images.add(new UploadedImage(url, sha256(bytes), bytes.length, format, clock.instant()));
        return url;
    }

    /** Every permanent material, oldest first: media_id, type, sha256, size, format. */
    synchronized List<Map<String, Object>> materials() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Material material : materials.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("media_id", material.mediaId());
            row.put("type", material.type());
            row.put("sha256", material.sha256());
            row.put("size", material.size());
            row.put("format", material.format());
            row.put("created_at", material.at().toString());
            list.add(row);
        }
        return list;
    }

    /** Every body image uploaded, oldest first: url, sha256, size, format. */
    synchronized List<Map<String, Object>> images() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (UploadedImage image : images) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("url", image.url());
            row.put("sha256", image.sha256());
            row.put("size", image.size());
            row.put("format", image.format());
            row.put("created_at", image.at().toString());
            list.add(row);
        }
        return list;
    }

    /** The {@code src} of every image WeChat stripped from a draft (not on its CDN), in order. */
    synchronized List<String> strippedImages() {
        return List.copyOf(strippedImages);
    }

    synchronized String addDraft(List<Article> articles) {
        if (articles.isEmpty() || articles.size() > MAX_ARTICLES) {
            throw new WeChatRefusal(45008, "article size out of limit");
        }
        List<Article> kept = new ArrayList<>();
        for (Article article : articles) {
            if (article.title() == null || article.title().isBlank()) {
                throw new WeChatRefusal(47001, "data format error: title missing");
            }
            if (length(article.title()) > MAX_TITLE) {
                throw new WeChatRefusal(45003, "title size out of limit");
            }
            if (article.author() != null && length(article.author()) > MAX_AUTHOR) {
                throw new WeChatRefusal(45110, "author size out of limit");
            }
            if (article.digest() != null && length(article.digest()) > MAX_DIGEST) {
                throw new WeChatRefusal(45004, "description size out of limit");
            }
            if (article.content() == null
                    || length(article.content()) >= MAX_CONTENT_CHARS
                    || article.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                            >= MAX_CONTENT_BYTES) {
                throw new WeChatRefusal(45002, "content size out of limit");
            }
            if (!materials.containsKey(article.thumbMediaId())) {
                throw new WeChatRefusal(40007, "invalid media_id");
            }
            kept.add(
                    new Article(
                            article.title(),
                            article.author(),
                            articles.size() == 1 ? article.digest() : null,
                            clean(article.content(), strippedImages),
                            article.contentSourceUrl(),
                            article.thumbMediaId()));
        }
        String mediaId = "DRAFT_" + UUID.randomUUID().toString().replace("-", "");
        drafts.put(mediaId, new Draft(mediaId, List.copyOf(kept), clock.instant()));
        return mediaId;
    }

    /** A draft still in the draft box; 40007 for one never made or consumed by a publish. */
    synchronized List<Article> draft(String mediaId) {
        Draft draft = drafts.get(mediaId);
        if (draft == null) {
            throw new WeChatRefusal(40007, "invalid media_id");
        }
        return draft.articles();
    }

    /** {@code draft/batchget}: the draft box, most recently updated first. */
    synchronized List<Draft> draftList() {
        return drafts.values().stream()
                .sorted(Comparator.comparing(Draft::updateTime).reversed())
                .toList();
    }

    /**
     * {@code freepublish/submit}: a draft still in the draft box becomes a publish job; a draft a
     * successful publish consumed, or one never made, is refused with 40007 as WeChat refuses it. A
     * draft whose job is still running is accepted again and becomes a second job (WeChat does not
     * document that case; the fake takes the worst reading, a second article).
     */
    synchronized Publication submit(String mediaId) {
        List<Article> draft = draft(mediaId);
        Publication publication =
                new Publication(ids.incrementAndGet(), mediaId, draft, clock.instant());
        publications.put(publication.publishId, publication);
        return publication;
    }

    /** Finishes a publish job: success (the draft leaves the draft box) or the scripted status. */
    synchronized Publication finish(long publishId) {
        Publication publication = publications.get(publishId);
        Integer scripted = nextPublishStatuses.poll();
        publication.status = scripted == null ? 0 : scripted;
        publication.updateTime = clock.instant();
        if (publication.status == 0) {
            publication.articleId = "ART_" + ids.incrementAndGet();
            publication.articleUrl = properties.articleBaseUrl() + publication.articleId;
            drafts.remove(publication.mediaId);
        }
        return publication;
    }

    synchronized Publication publication(String publishId) {
        Publication publication = publications.get(parseId(publishId));
        if (publication == null) {
            throw new WeChatRefusal(53600, "invalid publish_id");
        }
        return publication;
    }

    synchronized Publication delete(String articleId) {
        Publication publication =
                publications.values().stream()
                        .filter(p -> articleId.equals(p.articleId))
                        .findFirst()
                        .orElseThrow(() -> new WeChatRefusal(53600, "invalid article_id"));
        publication.deleted = true;
        publication.status = 5;
        return publication;
    }

    synchronized Publication block(String articleId) {
        Publication publication = delete(articleId);
        publication.status = 6;
        return publication;
    }

    /** Succeeded publications, newest first. */
    synchronized List<Publication> published() {
        return publications.values().stream()
                .filter(p -> p.articleId != null)
                .sorted(Comparator.comparing((Publication p) -> p.updateTime).reversed())
                .toList();
    }

    /**
     * {@code message/mass/sendall} to every follower: one a day (45028 when spent); a repeated
     * {@code clientmsgid} is refused with 45065 and the original {@code msg_id}, before the quota
     * is looked at.
     */
    synchronized long massSend(String mediaId, @Nullable String clientMsgId) {
        List<Article> draft = draft(mediaId);
        if (clientMsgId != null && massSent.containsKey(clientMsgId)) {
            throw new WeChatRefusal(
                    45065, "clientmsgid exist", Map.of("msg_id", massSent.get(clientMsgId)));
        }
        if (massSendsToday >= 1) {
            throw new WeChatRefusal(45028, "has no masssend quota");
        }
        massSendsToday++;
        long msgId = ids.incrementAndGet();
        if (clientMsgId != null) {
            massSent.put(clientMsgId, msgId);
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("msg_id", msgId);
        sent.put("clientmsgid", clientMsgId);
        sent.put("media_id", mediaId);
        sent.put("titles", draft.stream().map(Article::title).toList());
        sent.put("content_source_urls", draft.stream().map(Article::contentSourceUrl).toList());
        sent.put("sent_at", clock.instant().toString());
        massSends.add(sent);
        return msgId;
    }

    /** Every mass send that reached followers, oldest first. */
    synchronized List<Map<String, Object>> massSends() {
        return List.copyOf(massSends);
    }

    private void checkCredentials(String appId, String secret) {
        if (!properties.appId().equals(appId)) {
            throw new WeChatRefusal(40013, "invalid appid");
        }
        if (!properties.secret().equals(secret)) {
            throw new WeChatRefusal(40125, "invalid appsecret");
        }
    }

    private String newToken() {
        String token = "TOKEN_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.instant().plus(properties.tokenLifetime()));
        return token;
    }

    private boolean valid(String token) {
        Instant expiry = tokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new WeChatRefusal(53600, "invalid publish_id");
        }
    }

    /** The format of an image by its first bytes, as WeChat judges an upload. */
    static String format(byte[] bytes) {
        if (bytes.length >= 3
                && (bytes[0] & 0xff) == 0xff
                && (bytes[1] & 0xff) == 0xd8
                && (bytes[2] & 0xff) == 0xff) {
            return "jpg";
        }
        if (bytes.length >= 8
                && (bytes[0] & 0xff) == 0x89
                && bytes[1] == 'P'
                && bytes[2] == 'N'
                && bytes[3] == 'G') {
            return "png";
        }
        if (bytes.length >= 6 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
            return "gif";
        }
        if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
            return "bmp";
        }
        if (bytes.length >= 12
                && bytes[0] == 'R'
                && bytes[1] == 'I'
                && bytes[2] == 'F'
                && bytes[3] == 'F'
                && bytes[8] == 'W'
                && bytes[9] == 'E'
                && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return "webp";
        }
        return "unknown";
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** What WeChat does to an article body: scripts and images not on its CDN are removed. */
    static String clean(String content, List<String> stripped) {
        String noScripts = SCRIPT.matcher(content).replaceAll("");
        Matcher images = IMG.matcher(noScripts);
        StringBuilder kept = new StringBuilder();
        while (images.find()) {
            Matcher src = SRC.matcher(images.group());
            boolean found = src.find();
            boolean onCdn = found && src.group(1).startsWith("http://mmbiz.qpic.cn/");
            if (!onCdn) {
                stripped.add(found ? src.group(1) : images.group());
            }
            images.appendReplacement(kept, onCdn ? Matcher.quoteReplacement(images.group()) : "");
        }
        images.appendTail(kept);
        return kept.toString();
    }
}
