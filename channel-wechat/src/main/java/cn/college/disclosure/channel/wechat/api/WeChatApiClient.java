package cn.college.disclosure.channel.wechat.api;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestHttp;
import me.chanjar.weixin.common.util.http.hc.HttpComponentsSimplePostRequestExecutor;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftItem;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftList;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishArticles;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishList;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import me.chanjar.weixin.mp.enums.WxMpApiUrl;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.HttpResponseException;
import org.jspecify.annotations.Nullable;

/**
 * The WeChat Official Account API as the channel uses it, over WxJava. Every failure is one of two
 * facts: {@link WeChatRefused} (WeChat answered with an error code) or {@link WeChatUnreachable}
 * (no usable answer; whether the call may have been applied is part of it).
 */
public class WeChatApiClient {

    /** An article for {@code draft/add}. */
    public record DraftArticle(
            String title,
            @Nullable String author,
            @Nullable String digest,
            String content,
            @Nullable String contentSourceUrl,
            String thumbMediaId) {}

    /** What {@code freepublish/get} or the callback says about a publish job. */
    public record PublishStatus(
            String publishId,
            int status,
            @Nullable String articleId,
            @Nullable String articleUrl) {}

    /** One article of {@code freepublish/batchget}. */
    public record PublishedArticle(
            String articleId,
            Instant updatedAt,
            String title,
            @Nullable String url,
            @Nullable String contentSourceUrl,
            boolean deleted) {}

    /** One draft of {@code draft/batchget}: its media_id and its articles' "阅读原文" links. */
    public record Draft(String mediaId, Instant updatedAt, List<String> contentSourceUrls) {}

    /** A mass send WeChat accepted, now or, when {@code alreadySent}, earlier. */
    public record MassSent(@Nullable String msgId, boolean alreadySent) {}

    /**
     * The external API's name: the Resilience4j instance ({@code
     * resilience4j.*.instances.wechat-api}) of its one {@code ProviderGuard}, shared by the
     * articles and the digest.
     */
    public static final String NAME = "wechat-api";

    /** 45065: a mass send with this clientmsgid was already made. */
    static final int ALREADY_SENT = 45065;

    private final WxMpService wechat;

    WeChatApiClient(WxMpService wechat) {
        this.wechat = wechat;
    }

    /** {@code material/add_material}: a permanent image, e.g. a cover; returns its media_id. */
    public String addPermanentImage(String fileName, byte[] image) {
        return addPermanentMaterial("image", fileName, image);
    }

    /**
     * {@code material/add_material?type=thumb}: a permanent thumbnail (JPG ≤ 64 KB), an article's
     * {@code thumb_media_id}; returns its media_id.
     */
    public String addPermanentThumb(String fileName, byte[] image) {
        return addPermanentMaterial("thumb", fileName, image);
    }

    private String addPermanentMaterial(String type, String fileName, byte[] image) {
        return withFile(
                fileName,
                image,
                file -> {
                    WxMpMaterial material = new WxMpMaterial();
                    material.setName(fileName);
                    material.setFile(file);
                    return call(
                                    "material/add_material",
                                    () ->
                                            wechat.getMaterialService()
                                                    .materialFileUpload(type, material))
                            .getMediaId();
                });
    }

    /** {@code media/uploadimg}: an image for an article body; returns its URL on WeChat's CDN. */
    public String uploadBodyImage(String fileName, byte[] image) {
        return withFile(
                fileName,
                image,
                file ->
                        call(
                                        "media/uploadimg",
                                        () -> wechat.getMaterialService().mediaImgUpload(file))
                                .getUrl());
    }

    /** {@code draft/add}; returns the draft's media_id. */
    public String addDraft(DraftArticle article) {
        return addDraft(List.of(article));
    }

    /** {@code draft/add} of a multi-article draft (WeChat takes 1 to 8); returns its media_id. */
    public String addDraft(List<DraftArticle> articles) {
        List<WxMpDraftArticles> drafts =
                articles.stream()
                        .map(
                                article ->
                                        WxMpDraftArticles.builder()
                                                .title(article.title())
                                                .author(article.author())
                                                .digest(article.digest())
                                                .content(article.content())
                                                .contentSourceUrl(article.contentSourceUrl())
                                                .thumbMediaId(article.thumbMediaId())
                                                .needOpenComment(0)
                                                .onlyFansCanComment(0)
                                                .build())
                        .toList();
        return call(
                "draft/add",
                () ->
                        wechat.getDraftService()
                                .addDraft(WxMpAddDraft.builder().articles(drafts).build()));
    }

    /**
     * {@code message/mass/sendall} of a draft to every follower ({@code is_to_all}, {@code mpnews},
     * {@code send_ignore_reprint=1}) under {@code clientMsgId}. WeChat's 45065 (that clientmsgid
     * was already sent) is an answer, not a failure: the earlier send, with its {@code msg_id}.
     */
    public MassSent massSendToAll(String draftMediaId, String clientMsgId) {
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setSendAll(true);
        message.setMsgType(WxConsts.MassMsgType.MPNEWS);
        message.setMediaId(draftMediaId);
        message.setSendIgnoreReprint(true);
        message.setClientMsgId(clientMsgId);
        try {
            String answer =
                    call(
                            "message/mass/sendall",
                            () ->
                                    wechat.execute(
                                            new ErrorKeepingPostExecutor(wechat.getRequestHttp()),
                                            WxMpApiUrl.MassMessage.MESSAGE_MASS_SENDALL_URL,
                                            message.toJson()));
            return new MassSent(WxMpMassSendResult.fromJson(answer).getMsgId(), false);
        } catch (WeChatRefused e) {
            if (e.errcode() == ALREADY_SENT && e.answer() != null) {
                return new MassSent(WxMpMassSendResult.fromJson(e.answer()).getMsgId(), true);
            }
            throw e;
        }
    }

    /** Whether the draft is still in the draft box ({@code draft/get}; 40007 = no such draft). */
    public boolean draftExists(String mediaId) {
        try {
            call("draft/get", () -> wechat.getDraftService().getDraft(mediaId));
            return true;
        } catch (WeChatRefused e) {
            if (e.errcode() == 40007) {
                return false;
            }
            throw e;
        }
    }

    /** {@code freepublish/submit}; returns the publish_id. Accepted is not published. */
    public String submit(String draftMediaId) {
        String publishId =
                call(
                        "freepublish/submit",
                        () -> wechat.getFreePublishService().submit(draftMediaId));
        // WxJava returns the JSON element as text: a string id keeps its quotes
        return publishId.replace("\"", "");
    }

    /** {@code freepublish/get}. */
    public PublishStatus publishStatus(String publishId) {
        WxMpFreePublishStatus status =
                call(
                        "freepublish/get",
                        () -> wechat.getFreePublishService().getPushStatus(publishId));
        String url = null;
        if (status.getArticle_detail() != null
                && status.getArticle_detail().getItem() != null
                && !status.getArticle_detail().getItem().isEmpty()) {
            url = status.getArticle_detail().getItem().get(0).getArticle_url();
        }
        return new PublishStatus(
                publishId,
                status.getPublish_status() == null ? 1 : status.getPublish_status(),
                status.getArticle_id(),
                url);
    }

    /** {@code freepublish/delete} of every article of the publication. */
    public void deleteArticle(String articleId) {
        call(
                "freepublish/delete",
                () -> wechat.getFreePublishService().deletePushAllArticle(articleId));
    }

    /**
     * {@code draft/batchget} without content ({@code no_content=1}), most recently updated first.
     */
    public List<Draft> drafts(int offset, int count) {
        WxMpDraftList list =
                call("draft/batchget", () -> wechat.getDraftService().listDraft(offset, count, 1));
        List<Draft> drafts = new ArrayList<>();
        if (list.getItems() == null) {
            return drafts;
        }
        for (WxMpDraftItem item : list.getItems()) {
            List<String> sources = new ArrayList<>();
            if (item.getContent() != null && item.getContent().getNewsItem() != null) {
                for (WxMpDraftArticles news : item.getContent().getNewsItem()) {
                    if (news.getContentSourceUrl() != null) {
                        sources.add(news.getContentSourceUrl());
                    }
                }
            }
            drafts.add(
                    new Draft(
                            item.getMediaId(),
                            Instant.ofEpochSecond(
                                    item.getUpdateTime() == null ? 0 : item.getUpdateTime()),
                            sources));
        }
        return drafts;
    }

    /** {@code freepublish/batchget} without content ({@code no_content=1}), newest first. */
    public List<PublishedArticle> published(int offset, int count) {
        WxMpFreePublishList list =
                call(
                        "freepublish/batchget",
                        () ->
                                wechat.getFreePublishService()
                                        .getPublicationRecords(offset, count, 1));
        List<PublishedArticle> articles = new ArrayList<>();
        if (list.getItems() == null) {
            return articles;
        }
        for (WxMpFreePublishItem item : list.getItems()) {
            if (item.getContent() == null || item.getContent().getNewsItem() == null) {
                continue;
            }
            for (WxMpFreePublishArticles news : item.getContent().getNewsItem()) {
                articles.add(
                        new PublishedArticle(
                                item.getArticleId(),
                                Instant.ofEpochSecond(Long.parseLong(item.getUpdateTime())),
                                news.getTitle(),
                                news.getUrl(),
                                news.getContentSourceUrl(),
                                Boolean.TRUE.equals(news.getIsDeleted())));
            }
        }
        return articles;
    }

    private interface WxCall<T> {
        T call() throws WxErrorException;
    }

    private interface FileCall<T> {
        T call(File file);
    }

    private static <T> T call(String operation, WxCall<T> call) {
        try {
            return call.call();
        } catch (WxErrorException e) {
            Throwable cause = e.getCause();
            while (cause instanceof WxErrorException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw new WeChatUnreachable(operation, io, mayHaveApplied(io));
            }
            throw new WeChatRefused(
                    operation,
                    e.getError().getErrorCode(),
                    e.getError().getErrorMsg(),
                    e.getError().getJson());
        } catch (me.chanjar.weixin.common.error.WxRuntimeException e) {
            throw new WeChatUnreachable(operation, e, true);
        }
    }

    /** A refused connection or an HTTP error status means WeChat did not act on the request. */
    static boolean mayHaveApplied(IOException failure) {
        return !(failure instanceof ConnectException
                || failure instanceof HttpHostConnectException
                || failure instanceof HttpResponseException
                || failure instanceof InterruptedIOException
                        && failure.getMessage() != null
                        && failure.getMessage().contains("Connect"));
    }

    private static <T> T withFile(String fileName, byte[] content, FileCall<T> call) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("wechat-upload-");
            Path file = directory.resolve(fileName);
            Files.write(file, content);
            return call.call(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (directory != null) {
                try {
                    Files.deleteIfExists(directory.resolve(fileName));
                    Files.deleteIfExists(directory);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /**
     * WxJava's POST, except that a refusal keeps the whole answer: 45065 names the original {@code
     * msg_id} next to the errcode, and WxJava's own handling drops it.
     */
    private static final class ErrorKeepingPostExecutor
            extends HttpComponentsSimplePostRequestExecutor {

        @SuppressWarnings({"unchecked", "rawtypes"})
        ErrorKeepingPostExecutor(RequestHttp<?, ?> http) {
            super((RequestHttp) http);
        }

        @Override
        public String handleResponse(WxType type, String answer) throws WxErrorException {
            if (answer.isEmpty()) {
                throw new WxErrorException("no answer");
            }
            WxError error = WxError.fromJson(answer, type);
            if (error.getErrorCode() != 0) {
                error.setJson(answer);
                throw new WxErrorException(error);
            }
            return answer;
        }
    }
}
