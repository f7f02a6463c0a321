package cn.college.disclosure.core.audit;

import cn.college.disclosure.contract.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log, newest first. Nothing here, or anywhere, changes an entry. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to list; every part is optional.
     *
     * @param actor exactly this username
     * @param action only this kind of act
     * @param itemId only this item
     */
    public record Filter(
            @Nullable String actor, @Nullable AuditAction action, @Nullable UUID itemId) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /** A page of entries; {@code page} counts from 0. */
    public record Page(List<AuditEntry> content, int page, int size, long totalElements) {

        public int totalPages() {
            return (int) Math.max(1, (totalElements + size - 1) / size);
        }
    }

    @Transactional(readOnly = true)
    public Page find(Filter filter, int page, int size) {
        int from = Math.max(0, page);
        int rows = Math.max(1, Math.min(size, 500));
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("size", rows);
        params.put("offset", (long) from * rows);
        // the title is read from the item's latest version for display only; the entry keeps ids
        List<AuditEntry> content =
                jdbc.sql(
                                """
                                select a.*, v.title from audit_entry a
                                left join item i on i.id = a.item_id
                                left join item_version v on v.item_id = i.id
                                    and v.version = i.latest_version
                                """
                                        + where
                                        + " order by a.occurred_at desc, a.id desc"
                                        + " limit :size offset :offset")
                        .params(params)
                        .query(AuditLog::entry)
                        .list();
        long total =
                jdbc.sql("select count(*) from audit_entry a" + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        return new Page(content, from, rows, total);
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.actor() != null) {
            where.append(" and a.actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and a.action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.itemId() != null) {
            where.append(" and a.item_id = :itemId");
            params.put("itemId", filter.itemId());
        }
        return where.toString();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getObject("item_id", UUID.class),
                rs.getInt("version"),
                channel == null ? null : Channel.valueOf(channel),
                rs.getString("detail"),
                rs.getString("title"));
    }
}
