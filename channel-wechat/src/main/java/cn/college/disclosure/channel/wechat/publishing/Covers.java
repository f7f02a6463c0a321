package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.media.MediaUnreadable;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatErrors;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The article cover: the record's {@code cover} as permanent {@code thumb} material (a JPG ≤ 64 KB,
 * converted and scaled down when it is not one; uploaded once per account by its SHA-256, {@link
 * MediaImages#thumb}), or the account's default cover when the record has none or its cover cannot
 * be used (then with a warning). The default is uploaded once as permanent material ({@code
 * material/add_material}) and its {@code media_id} kept in {@code wechat_material}.
 */
class Covers {

    private final String appId;
    private final String location;
    private final ResourceLoader resources;
    private final WeChatApiClient wechat;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final @Nullable MediaImages media;

    Covers(
            String appId,
            String location,
            ResourceLoader resources,
            WeChatApiClient wechat,
            JdbcClient jdbc,
            Clock clock) {
        this(appId, location, resources, wechat, jdbc, clock, null);
    }

    Covers(
            String appId,
            String location,
            ResourceLoader resources,
            WeChatApiClient wechat,
            JdbcClient jdbc,
            Clock clock,
            @Nullable MediaImages media) {
        this.media = media;
        this.appId = appId;
        this.location = location;
        this.resources = resources;
        this.wechat = wechat;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The record's cover as a {@code thumb_media_id}, or empty when it cannot be read or made a
     * thumb: a warning is then added to {@code warnings} and the default cover is the article's. A
     * refusal that is not about the image (token, quota, busy) and a core outage are passed on.
     */
    Optional<String> recordCover(MediaReference cover, List<DeliveryWarning> warnings) {
        if (media == null) {
            return Optional.empty();
        }
        String subject = "cover " + cover.fileName();
        try {
            return Optional.of(media.thumb(cover));
        } catch (WeChatImages.Unfit e) {
            warnings.add(new DeliveryWarning(e.code, subject));
        } catch (MediaUnreadable e) {
            warnings.add(new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, subject));
        } catch (WeChatRefused e) {
            if (e.kind() != WeChatErrors.Kind.REFUSED) {
                throw e;
            }
            warnings.add(
                    new DeliveryWarning(
                            e.errcode() == 40005
                                    ? DeliveryWarning.IMAGE_TYPE_REFUSED
                                    : e.errcode() == 45001 || e.errcode() == 40009
                                            ? DeliveryWarning.IMAGE_TOO_LARGE
                                            : DeliveryWarning.IMAGE_UNREADABLE,
                            subject));
        }
        return Optional.empty();
    }

    String defaultCoverMediaId() {
        Optional<String> cached =
                jdbc.sql("select media_id from wechat_material where app_id = ? and source = ?")
                        .params(appId, location)
                        .query(String.class)
                        .optional();
        if (cached.isPresent()) {
            return cached.get();
        }
        Resource cover = resources.getResource(location);
        byte[] image;
        try (var in = cover.getInputStream()) {
            image = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default cover " + location, e);
        }
        String fileName = cover.getFilename() == null ? "cover.png" : cover.getFilename();
        String mediaId = wechat.addPermanentImage(fileName, image);
        jdbc.sql(
                        "insert into wechat_material (app_id, source, media_id, created_at) values (?,"
                                + " ?, ?, ?) on conflict (app_id, source) do nothing")
                .params(appId, location, mediaId, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select media_id from wechat_material where app_id = ? and source = ?")
                .params(appId, location)
                .query(String.class)
                .single();
    }
}
