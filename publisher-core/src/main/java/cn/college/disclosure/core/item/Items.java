package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items, each loaded with its latest version. */
@Repository
class Items {

    private static final String SELECT =
            """
            select i.*, v.title, v.summary, v.body, v.catalogue_item, v.channels, v.led_text, v.produced_on,
                v.led_groups, v.led_priority, v.led_start_at, v.led_expire_at, v.attachment_ids,
                v.attachment_titles, v.cover_image, v.body_images, v.wechat_title, v.wechat_digest,
                v.wechat_author, v.publish_at, v.withdraw_at, v.withdraw_reason
            from item i join item_version v on v.item_id = i.id and v.version = i.latest_version
            """;

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Item> find(ItemId id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id.value()).query(this::map).optional();
    }

    /** Loads the item and locks it until the transaction ends, so transitions never interleave. */
    Optional<Item> findForUpdate(ItemId id) {
        return jdbc.sql(SELECT + " where i.id = ? for update of i")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    /**
     * A page of items, most recently changed first.
     *
     * @param ids only these items, when given
     */
    List<Item> page(
            @Nullable String department,
            @Nullable ItemStatus status,
            @Nullable List<UUID> ids,
            int page,
            int size) {
        return jdbc.sql(
                        SELECT
                                + where(department, status, ids)
                                + " order by i.updated_at desc, i.id limit :size offset :offset")
                .params(params(department, status, ids, size, (long) page * size))
                .query(this::map)
                .list();
    }

    long count(@Nullable String department, @Nullable ItemStatus status, @Nullable List<UUID> ids) {
        return jdbc.sql("select count(*) from item i" + where(department, status, ids))
                .params(params(department, status, ids, 0, 0))
                .query(Long.class)
                .single();
    }

    private static String where(
            @Nullable String department, @Nullable ItemStatus status, @Nullable List<UUID> ids) {
        StringBuilder where = new StringBuilder(" where true");
        if (department != null) {
            where.append(" and i.department = :department");
        }
        if (status != null) {
            where.append(" and i.status = :status");
        }
        if (ids != null) {
            where.append(" and i.id = any(:ids)");
        }
        return where.toString();
    }

    private static java.util.Map<String, Object> params(
            @Nullable String department,
            @Nullable ItemStatus status,
            @Nullable List<UUID> ids,
            int size,
            long offset) {
        var params = new java.util.HashMap<String, Object>();
        if (department != null) {
            params.put("department", department);
        }
        params.put("size", size);
        params.put("offset", offset);
        if (status != null) {
            params.put("status", status.name());
        }
        if (ids != null) {
            params.put("ids", ids.toArray(UUID[]::new));
        }
        return params;
    }

    void save(Item item) {
        Item.Retraction retraction = item.retraction();
        jdbc.sql(
                        """
                        insert into item (id, department, status, latest_version, live_version, approved_by,
                            approved_at, retracted_version, retracted_by, retracted_at, retract_reason,
                            created_by, created_at, updated_at, release_at, live_withdraw_at,
                            live_withdraw_reason)
                        values (:id, :department, :status, :version, :live, :approvedBy, :approvedAt,
                            :retractedVersion, :retractedBy, :retractedAt, :reason, :createdBy, :createdAt,
                            :updatedAt, :releaseAt, :liveWithdrawAt, :liveWithdrawReason)
                        on conflict (id) do update set status = excluded.status,
                            latest_version = excluded.latest_version, live_version = excluded.live_version,
                            approved_by = excluded.approved_by, approved_at = excluded.approved_at,
                            retracted_version = excluded.retracted_version,
                            retracted_by = excluded.retracted_by, retracted_at = excluded.retracted_at,
                            retract_reason = excluded.retract_reason, updated_at = excluded.updated_at,
                            release_at = excluded.release_at,
                            live_withdraw_at = excluded.live_withdraw_at,
                            live_withdraw_reason = excluded.live_withdraw_reason
                        """)
                .param("id", item.id().value())
                .param("department", item.department())
                .param("status", item.status().name())
                .param("version", item.version())
                .param("live", item.liveVersion())
                .param("approvedBy", item.approvedBy())
                .param("approvedAt", timestamp(item.approvedAt()))
                .param("retractedVersion", retraction == null ? null : retraction.version())
                .param("retractedBy", retraction == null ? null : retraction.by())
                .param("retractedAt", retraction == null ? null : timestamp(retraction.at()))
                .param("reason", retraction == null ? null : retraction.reason())
                .param("createdBy", item.createdBy())
                .param("createdAt", timestamp(item.createdAt()))
                .param("updatedAt", timestamp(item.updatedAt()))
                .param("releaseAt", timestamp(item.releaseAt()))
                .param("liveWithdrawAt", timestamp(item.withdrawAt()))
                .param("liveWithdrawReason", item.withdrawReason())
                .update();
        ItemContent content = item.content();
        boolean approved = item.versionStatus() != ItemStatus.DRAFT;
        jdbc.sql(
                        """
                        insert into item_version (item_id, version, status, title, summary, body,
                            catalogue_item, channels, led_text, produced_on, led_groups, led_priority,
                            led_start_at, led_expire_at, approved_by, approved_at, updated_at,
                            attachment_ids, attachment_titles, cover_image, body_images, wechat_title,
                            wechat_digest, wechat_author, publish_at, withdraw_at, withdraw_reason)
                        values (:id, :version, :status, :title, :summary, :body, :catalogueItem,
                            :channels, :ledText, :producedOn, :ledGroups, :ledPriority, :ledStartAt,
                            :ledExpireAt, :approvedBy, :approvedAt, :updatedAt, :attachmentIds,
                            :attachmentTitles, :coverImage, :bodyImages, :wechatTitle, :wechatDigest,
                            :wechatAuthor, :publishAt, :withdrawAt, :withdrawReason)
                        on conflict (item_id, version) do update set status = excluded.status,
                            title = excluded.title, summary = excluded.summary, body = excluded.body,
                            catalogue_item = excluded.catalogue_item, channels = excluded.channels,
                            led_text = excluded.led_text, produced_on = excluded.produced_on,
                            led_groups = excluded.led_groups, led_priority = excluded.led_priority,
                            led_start_at = excluded.led_start_at,
                            led_expire_at = excluded.led_expire_at,
                            approved_by = excluded.approved_by, approved_at = excluded.approved_at,
                            updated_at = excluded.updated_at, attachment_ids = excluded.attachment_ids,
                            attachment_titles = excluded.attachment_titles,
                            cover_image = excluded.cover_image, body_images = excluded.body_images,
                            wechat_title = excluded.wechat_title,
                            wechat_digest = excluded.wechat_digest,
                            wechat_author = excluded.wechat_author, publish_at = excluded.publish_at,
                            withdraw_at = excluded.withdraw_at,
                            withdraw_reason = excluded.withdraw_reason
                        """)
                .param("id", item.id().value())
                .param("version", item.version())
                .param("status", item.versionStatus().name())
                .param("title", content.title())
                .param("summary", content.summary())
                .param("body", content.body())
                .param("catalogueItem", content.catalogueItem())
                .param(
                        "channels",
                        content.channels().stream()
                                .sorted()
                                .map(Channel::name)
                                .collect(Collectors.joining(",")))
                .param("ledText", content.ledText())
                .param("producedOn", content.producedOn())
                .param(
                        "ledGroups",
                        content.led().groups().isEmpty()
                                ? null
                                : String.join(",", content.led().groups()))
                .param("ledPriority", content.led().priority().name())
                .param("ledStartAt", timestamp(content.led().startAt()))
                .param("ledExpireAt", timestamp(content.led().expireAt()))
                .param("approvedBy", approved ? item.approvedBy() : null)
                .param("approvedAt", approved ? timestamp(item.approvedAt()) : null)
                .param("updatedAt", timestamp(item.updatedAt()))
                .param(
                        "attachmentIds",
                        content.attachments().stream()
                                .map(ItemContent.AttachmentRef::mediaId)
                                .toArray(UUID[]::new))
                .param(
                        "attachmentTitles",
                        content.attachments().stream()
                                .map(ItemContent.AttachmentRef::title)
                                .toArray(String[]::new))
                .param("coverImage", content.coverImage())
                .param("bodyImages", content.bodyImages().toArray(UUID[]::new))
                .param("wechatTitle", content.wechat().title())
                .param("wechatDigest", content.wechat().digest())
                .param("wechatAuthor", content.wechat().author())
                .param("publishAt", timestamp(content.schedule().publishAt()))
                .param("withdrawAt", timestamp(content.schedule().withdrawAt()))
                .param("withdrawReason", content.schedule().withdrawReason())
                .update();
    }

    /**
     * The items whose scheduled version's time or live version's withdrawal time has come, oldest
     * first; read without a lock, each is locked and checked again when it is released.
     */
    List<ItemId> due(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select id from (
                            select id, release_at as at from item
                            where status = 'SCHEDULED' and release_at <= :now
                            union
                            select id, live_withdraw_at as at from item
                            where status <> 'RETRACTED' and live_version is not null
                                and live_withdraw_at <= :now
                        ) due group by id order by min(at), id limit :limit
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, row) -> new ItemId(rs.getObject("id", UUID.class)))
                .list();
    }

    /**
     * Whether an item version that was ever approved refers to the media file (as an attachment,
     * the cover or a body image): such a file is in the open and any department may use it.
     */
    boolean approvedVersionUses(UUID mediaId) {
        return jdbc.sql(
                        """
                        select exists (select 1 from item_version
                            where approved_at is not null and (:media = any(attachment_ids)
                                or cover_image = :media or :media = any(body_images)))
                        """)
                .param("media", mediaId)
                .query(Boolean.class)
                .single();
    }

    private Item map(ResultSet rs, int row) throws SQLException {
        Integer retractedVersion = (Integer) rs.getObject("retracted_version");
        String ledGroups = rs.getString("led_groups");
        ItemContent content =
                new ItemContent(
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getString("body"),
                        (Integer) rs.getObject("catalogue_item"),
                        Arrays.stream(rs.getString("channels").split(","))
                                .filter(name -> !name.isBlank())
                                .map(Channel::valueOf)
                                .collect(Collectors.toSet()),
                        rs.getString("led_text"),
                        rs.getObject("produced_on", LocalDate.class),
                        new LedDisplay(
                                ledGroups == null ? Set.of() : Set.of(ledGroups.split(",")),
                                LedPriority.valueOf(rs.getString("led_priority")),
                                nullableInstant(rs, "led_start_at"),
                                nullableInstant(rs, "led_expire_at")),
                        attachments(rs),
                        rs.getObject("cover_image", UUID.class),
                        List.of(uuids(rs, "body_images")),
                        new ItemContent.WeChatFields(
                                rs.getString("wechat_title"),
                                rs.getString("wechat_digest"),
                                rs.getString("wechat_author")),
                        new ItemContent.Schedule(
                                nullableInstant(rs, "publish_at"),
                                nullableInstant(rs, "withdraw_at"),
                                rs.getString("withdraw_reason")));
        return new Item(
                new ItemId(rs.getObject("id", UUID.class)),
                rs.getString("department"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("latest_version"),
                content,
                ItemStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("live_version"),
                rs.getString("approved_by"),
                nullableInstant(rs, "approved_at"),
                retractedVersion == null
                        ? null
                        : new Item.Retraction(
                                retractedVersion,
                                rs.getString("retract_reason"),
                                rs.getString("retracted_by"),
                                instant(rs, "retracted_at")),
                nullableInstant(rs, "release_at"),
                nullableInstant(rs, "live_withdraw_at"),
                rs.getString("live_withdraw_reason"));
    }

    private static List<ItemContent.AttachmentRef> attachments(ResultSet rs) throws SQLException {
        UUID[] ids = uuids(rs, "attachment_ids");
        java.sql.Array titlesArray = rs.getArray("attachment_titles");
        Object[] titles = titlesArray == null ? new Object[0] : (Object[]) titlesArray.getArray();
        var attachments = new java.util.ArrayList<ItemContent.AttachmentRef>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            attachments.add(
                    new ItemContent.AttachmentRef(
                            ids[i], i < titles.length ? (String) titles[i] : null));
        }
        return attachments;
    }

    private static UUID[] uuids(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return new UUID[0];
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(UUID.class::cast).toArray(UUID[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new IllegalStateException("No " + column);
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column)
            throws SQLException {
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static java.time.@Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
