package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The article cover: items carry none, so every article uses the account's default cover, uploaded
 * once as permanent material ({@code material/add_material}, capped at 5000 per account) and its
 * {@code media_id} kept in {@code wechat_material}.
 */
class Covers {

    private final String appId;
    private final String location;
    private final ResourceLoader resources;
    private final WeChatApiClient wechat;
    private final JdbcClient jdbc;
    private final Clock clock;

    Covers(
            String appId,
            String location,
            ResourceLoader resources,
            WeChatApiClient wechat,
            JdbcClient jdbc,
            Clock clock) {
        this.appId = appId;
        this.location = location;
        this.resources = resources;
        this.wechat = wechat;
        this.jdbc = jdbc;
        this.clock = clock;
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
