package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.media.MediaReader;
import cn.college.disclosure.channel.wechat.publishing.WeChatImages.Fitted;
import cn.college.disclosure.contract.MediaReference;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The core's images on WeChat, each uploaded once per account: a body image by {@code
 * media/uploadimg} (its CDN URL kept in {@code wechat_body_image}), a cover as permanent {@code
 * thumb} material (its media_id kept in {@code wechat_material}), both found again by the SHA-256
 * the record names. The bytes are read from the core with {@link MediaReader} (verified against
 * that SHA-256) and made fit by {@link WeChatImages}.
 *
 * <p>An upload precedes the article's {@code DRAFTING} step and creates nothing that is published:
 * after a crash or a lost answer between the upload and its row, the image is uploaded once more
 * (an unused copy on WeChat), never an article twice.
 */
class MediaImages {

    /** Uploads of fitted bytes, through the channel's guard. */
    interface Uploads {
        String bodyImage(String fileName, byte[] image);

        String thumb(String fileName, byte[] image);
    }

    private final String appId;
    private final MediaReader reader;
    private final Uploads uploads;
    private final JdbcClient jdbc;
    private final Clock clock;

    MediaImages(String appId, MediaReader reader, Uploads uploads, JdbcClient jdbc, Clock clock) {
        this.appId = appId;
        this.reader = reader;
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The image's URL on WeChat's CDN, uploaded now unless it already was.
     *
     * @throws WeChatImages.Unfit when it cannot be made JPG/PNG ≤ 1 MB
     * @throws cn.college.disclosure.channel.runtime.media.MediaUnreadable when the core has not got
     *     it
     */
    String bodyImage(MediaReference image) {
        Optional<String> cached =
                jdbc.sql("select url from wechat_body_image where app_id = ? and sha256 = ?")
                        .params(appId, image.sha256())
                        .query(String.class)
                        .optional();
        if (cached.isPresent()) {
            return cached.get();
        }
        Fitted fitted = WeChatImages.forBody(reader.read(image));
        String url = uploads.bodyImage(name(image, fitted), fitted.bytes());
        jdbc.sql(
                        "insert into wechat_body_image (app_id, sha256, url, format, size,"
                                + " created_at) values (?, ?, ?, ?, ?, ?) on conflict (app_id,"
                                + " sha256) do nothing")
                .params(
                        appId,
                        image.sha256(),
                        url,
                        fitted.format(),
                        fitted.bytes().length,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return url;
    }

    /**
     * The cover's media_id as permanent thumb material, uploaded now unless it already was.
     *
     * @throws WeChatImages.Unfit when it cannot be made a JPG ≤ 64 KB
     * @throws cn.college.disclosure.channel.runtime.media.MediaUnreadable when the core has not got
     *     it
     */
    String thumb(MediaReference cover) {
        String source = "thumb:sha256:" + cover.sha256();
        Optional<String> cached = material(source);
        if (cached.isPresent()) {
            return cached.get();
        }
        Fitted fitted = WeChatImages.forThumb(reader.read(cover));
        String mediaId = uploads.thumb(name(cover, fitted), fitted.bytes());
        jdbc.sql(
                        "insert into wechat_material (app_id, source, media_id, created_at) values"
                                + " (?, ?, ?, ?) on conflict (app_id, source) do nothing")
                .params(appId, source, mediaId, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return material(source).orElse(mediaId);
    }

    private Optional<String> material(String source) {
        return jdbc.sql("select media_id from wechat_material where app_id = ? and source = ?")
                .params(appId, source)
                .query(String.class)
                .optional();
    }

    /** A plain upload name: WeChat sees {@code <sha256 prefix>.<format>}, never the user's name. */
    private static String name(MediaReference image, Fitted fitted) {
        return image.sha256().substring(0, Math.min(16, image.sha256().length()))
                + "."
                + fitted.format();
    }
}
