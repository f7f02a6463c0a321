package cn.college.disclosure.fakes.wechat;

import cn.college.disclosure.fakes.wechat.FakeWeChatAccount.Article;
import cn.college.disclosure.fakes.wechat.FakeWeChatAccount.Publication;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.catalina.connector.ResponseFacade;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat Official Account API paths under {@code /cgi-bin}, answering as WeChat does: HTTP 200
 * with {@code errcode}/{@code errmsg}, or the result.
 */
@RestController
@RequestMapping("/cgi-bin")
class FakeWeChatApi {

    private static final Logger log = LoggerFactory.getLogger(FakeWeChatApi.class);

    private final FakeWeChatAccount account;
    private final PublishJobs jobs;
    private final JsonMapper json;

    FakeWeChatApi(FakeWeChatAccount account, PublishJobs jobs, JsonMapper json) {
        this.account = account;
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping("/stable_token")
    void stableToken(@RequestBody String body, HttpServletResponse response) throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "stable_token",
                null,
                false,
                response,
                () ->
                        account.stableToken(
                                text(request, "appid"),
                                text(request, "secret"),
                                request.path("force_refresh").asBoolean(false)));
    }

    @GetMapping("/token")
    void token(
            @RequestParam("appid") String appId,
            @RequestParam("secret") String secret,
            HttpServletResponse response)
            throws IOException {
        answer("token", null, false, response, () -> account.token(appId, secret));
    }

    @PostMapping("/material/add_material")
    void addMaterial(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(name = "type", defaultValue = "image") String type,
            @RequestParam("media") MultipartFile media,
            HttpServletResponse response)
            throws IOException {
        answer(
                "material/add_material",
                token,
                true,
                response,
                () -> {
                    String mediaId = account.addMaterial(type, bytes(media));
                    return Map.of(
                            "media_id",
                            mediaId,
                            "url",
                            "http://mmbiz.qpic.cn/mmbiz_png/" + mediaId + "/0");
                });
    }

    @PostMapping("/media/uploadimg")
    void uploadImage(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam("media") MultipartFile media,
            HttpServletResponse response)
            throws IOException {
        answer(
                "media/uploadimg",
                token,
                true,
                response,
                () -> Map.of("url", account.uploadImage(bytes(media))));
    }

    @PostMapping("/draft/add")
    void addDraft(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "draft/add",
                token,
                true,
                response,
                () -> {
                    List<Article> articles = new ArrayList<>();
                    for (JsonNode article : request.path("articles")) {
                        articles.add(
                                new Article(
                                        text(article, "title"),
                                        nullable(article, "author"),
                                        nullable(article, "digest"),
                                        text(article, "content"),
                                        nullable(article, "content_source_url"),
                                        text(article, "thumb_media_id")));
                    }
                    return Map.of("media_id", account.addDraft(articles));
                });
    }

    @PostMapping("/draft/get")
    void getDraft(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "draft/get",
                token,
                true,
                response,
                () ->
                        Map.of(
                                "news_item",
                                account.draft(text(request, "media_id")).stream()
                                        .map(FakeWeChatApi::newsItem)
                                        .toList()));
    }

    /**
     * {@code draft/batchget} {@code {offset, count, no_content}}: {@code {total_count, item_count,
     * item: [{media_id, content: {news_item: [...]}, update_time}]}}, most recently updated first.
     */
    @PostMapping("/draft/batchget")
    void listDrafts(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "draft/batchget",
                token,
                true,
                response,
                () -> {
                    int offset = Math.max(0, request.path("offset").asInt(0));
                    int count = Math.min(20, Math.max(1, request.path("count").asInt(20)));
                    boolean noContent = request.path("no_content").asInt(0) == 1;
                    List<FakeWeChatAccount.Draft> all = account.draftList();
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (FakeWeChatAccount.Draft draft :
                            all.subList(
                                    Math.min(offset, all.size()),
                                    Math.min(offset + count, all.size()))) {
                        List<Map<String, Object>> news = new ArrayList<>();
                        for (Article article : draft.articles()) {
                            Map<String, Object> item = newsItem(article);
                            if (noContent) {
                                item.remove("content");
                            }
                            item.put(
                                    "url",
                                    "http://mp.weixin.qq.com/s?__biz=fake&mid=" + draft.mediaId());
                            news.add(item);
                        }
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("media_id", draft.mediaId());
                        item.put(
                                "content",
                                Map.of(
                                        "news_item",
                                        news,
                                        "create_time",
                                        draft.updateTime().getEpochSecond(),
                                        "update_time",
                                        draft.updateTime().getEpochSecond()));
                        item.put("update_time", draft.updateTime().getEpochSecond());
                        items.add(item);
                    }
                    return Map.of(
                            "total_count", all.size(), "item_count", items.size(), "item", items);
                });
    }

    @PostMapping("/freepublish/submit")
    void submit(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "freepublish/submit",
                token,
                true,
                response,
                () -> {
                    Publication publication = account.submit(text(request, "media_id"));
                    jobs.schedule(publication.publishId);
                    return Map.of(
                            "publish_id",
                            publication.publishId,
                            "msg_data_id",
                            publication.publishId + 1_000_000);
                });
    }

    @PostMapping("/freepublish/get")
    void get(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "freepublish/get",
                token,
                true,
                response,
                () -> status(account.publication(request.path("publish_id").asString())));
    }

    @PostMapping("/freepublish/delete")
    void delete(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "freepublish/delete",
                token,
                true,
                response,
                () -> {
                    account.delete(text(request, "article_id"));
                    return Map.of();
                });
    }

    @PostMapping("/freepublish/batchget")
    void batchGet(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "freepublish/batchget",
                token,
                true,
                response,
                () -> {
                    int offset = Math.max(0, request.path("offset").asInt(0));
                    int count = Math.min(20, Math.max(1, request.path("count").asInt(20)));
                    boolean noContent = request.path("no_content").asInt(0) == 1;
                    List<Publication> all = account.published();
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (Publication p :
                            all.subList(
                                    Math.min(offset, all.size()),
                                    Math.min(offset + count, all.size()))) {
                        List<Map<String, Object>> news = new ArrayList<>();
                        for (Article article : p.articles) {
                            Map<String, Object> item = newsItem(article);
                            if (noContent) {
                                item.remove("content");
                            }
                            item.put("url", p.articleUrl);
                            item.put("is_deleted", p.deleted);
                            news.add(item);
                        }
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("article_id", p.articleId);
                        item.put("content", Map.of("news_item", news));
                        item.put("update_time", p.updateTime.getEpochSecond());
                        items.add(item);
                    }
                    return Map.of(
                            "total_count", all.size(), "item_count", items.size(), "item", items);
                });
    }

    @PostMapping("/message/mass/sendall")
    void massSend(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode request = json.readTree(body);
        answer(
                "message/mass/sendall",
                token,
                true,
                response,
                () -> {
                    if (!request.path("filter").path("is_to_all").asBoolean(false)
                            || !"mpnews".equals(request.path("msgtype").asString(""))) {
                        throw new WeChatRefusal(
                                47001, "data format error: only is_to_all mpnews is faked");
                    }
                    long msgId =
                            account.massSend(
                                    request.path("mpnews").path("media_id").asString(),
                                    nullable(request, "clientmsgid"));
                    return Map.of("msg_id", msgId, "msg_data_id", msgId + 1);
                });
    }

    static Map<String, Object> status(Publication publication) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("publish_id", publication.publishId);
        status.put("publish_status", publication.status);
        if (publication.articleId != null) {
            status.put("article_id", publication.articleId);
            status.put(
                    "article_detail",
                    Map.of(
                            "count",
                            1,
                            "item",
                            List.of(Map.of("idx", 1, "article_url", publication.articleUrl))));
        }
        status.put(
                "fail_idx",
                publication.status >= 2 && publication.status <= 4 ? List.of(1) : List.of());
        return status;
    }

    private static Map<String, Object> newsItem(Article article) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", article.title());
        item.put("author", article.author() == null ? "" : article.author());
        item.put("digest", article.digest() == null ? "" : article.digest());
        item.put("content", article.content());
        item.put(
                "content_source_url",
                article.contentSourceUrl() == null ? "" : article.contentSourceUrl());
        item.put("thumb_media_id", article.thumbMediaId());
        return item;
    }

    /** Runs the scripts for the endpoint, the token and quota checks, the work, and answers. */
    private void answer(
            String endpoint,
            @Nullable String token,
            boolean needsToken,
            HttpServletResponse response,
            Supplier<Map<String, Object>> work)
            throws IOException {
        account.count(endpoint);
        Optional<ScriptedFailure> script = account.nextScript(endpoint);
        if (script.isPresent()) {
            ScriptedFailure failure = script.get();
            log.info("Scripted answer for {}: {}", endpoint, failure);
            if (failure.delayMillis() != null) {
                pause(failure.delayMillis());
            }
            if (failure.expires()) {
                account.expireTokens();
            }
            if (failure.httpStatus() != null) {
                response.setStatus(failure.httpStatus());
                return;
            }
            if (failure.errcode() != null) {
                write(
                        response,
                        error(
                                failure.errcode(),
                                failure.errmsg() == null ? "scripted error" : failure.errmsg()));
                return;
            }
        }
        Map<String, Object> body;
        try {
            if (needsToken) {
                account.admit(token);
            }
            body = new LinkedHashMap<>();
            if (needsToken) {
                body.put("errcode", 0);
                body.put("errmsg", "ok");
            }
            body.putAll(work.get());
        } catch (WeChatRefusal refusal) {
            log.info("{} refused: {} {}", endpoint, refusal.errcode(), refusal.getMessage());
            body = error(refusal.errcode(), refusal.getMessage());
            body.putAll(refusal.extra());
        }
        if (script.isPresent() && script.get().drops()) {
            log.info("{} applied; closing the connection without an answer", endpoint);
            drop(response);
            return;
        }
        if (script.isPresent() && script.get().answerDelayMillis() != null) {
            log.info(
                    "{} applied; answering only after {} ms",
                    endpoint,
                    script.get().answerDelayMillis());
            pause(script.get().answerDelayMillis());
        }
        write(response, body);
    }

    private void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(200);
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Closes the connection without a byte of answer, as when it drops after WeChat applied the
     * call: Tomcat is told to close the socket now ({@code ActionCode.CLOSE_NOW}), so the client
     * sees no response at all. Should Tomcat's response not be reachable, the answer is cut short
     * instead (more bytes promised than sent): to the client, equally no usable answer.
     */
    private static void drop(HttpServletResponse response) throws IOException {
        org.apache.coyote.Response coyote = coyote(response);
        if (coyote != null) {
            coyote.action(org.apache.coyote.ActionCode.CLOSE_NOW, null);
            return;
        }
        byte[] partial = "{\"errcode\":0,".getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(4096);
        response.getOutputStream().write(partial);
        response.flushBuffer();
    }

    private static org.apache.coyote.@Nullable Response coyote(ServletResponse response) {
        ServletResponse current = response;
        while (current instanceof ServletResponseWrapper wrapper) {
            current = wrapper.getResponse();
        }
        if (current instanceof org.apache.catalina.connector.Response connector) {
            return connector.getCoyoteResponse();
        }
        if (current instanceof ResponseFacade facade) {
            try {
                Field field = ResponseFacade.class.getDeclaredField("response");
                field.setAccessible(true);
                return ((org.apache.catalina.connector.Response) field.get(facade))
                        .getCoyoteResponse();
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn(
                        "Cannot reach Tomcat's response to close the connection: {}", e.toString());
            }
        }
        return null;
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", errcode);
        body.put("errmsg", errmsg);
        return body;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(MultipartFile media) {
        try {
            return media.getBytes();
        } catch (IOException e) {
            throw new WeChatRefusal(41005, "media data missing");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new WeChatRefusal(47001, "data format error: " + field + " missing");
        }
        return value.asString();
    }

    private static @Nullable String nullable(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
