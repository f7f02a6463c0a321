package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.PublicationRequested;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel's delivery ledger and its processed events, in the channel's own schema. Every method
 * commits before it returns: {@link #startAttempt} in particular is durable before the adapter is
 * called.
 */
class Deliveries {

    private static final String COLUMNS =
            "item_id, version, status, attempts, idempotency_key, external_url, external_ref,"
                    + " detail, last_attempt_at, updated_at, cast(warnings as text) as warnings,"
                    + " retrying_since";

    /** The statuses a report is never owed for: an attempt under way is not news. */
    private static final String UNDER_WAY = "('IN_FLIGHT', 'RETRACTING')";

    /** Requests are kept as the contract's JSON (Jackson 3 defaults, as on the wire). */
    private static final JsonMapper REQUESTS = JsonMapper.builder().build();

    private static final TypeReference<List<DeliveryWarning>> WARNINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The key the channel's provider sees on every call for this (item, version, channel). */
    static String idempotencyKey(String channel, UUID itemId, int version) {
        return UUID.nameUUIDFromBytes(
                        (channel + "/" + itemId + "/" + version).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void markProcessed(UUID eventId, UUID itemId) {
        jdbc.sql(
                        "insert into processed_event (event_id, item_id, processed_at) values (?, ?, ?)"
                                + " on conflict (event_id) do nothing")
                .params(eventId, itemId, now())
                .update();
    }

    Optional<LedgerEntry> find(UUID itemId, int version) {
        return jdbc.sql("select " + COLUMNS + " from delivery where item_id = ? and version = ?")
                .params(itemId, version)
                .query(Deliveries::entry)
                .optional();
    }

    List<LedgerEntry> ofItem(UUID itemId) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from delivery where item_id = ? order by version desc")
                .param(itemId)
                .query(Deliveries::entry)
                .list();
    }

    /** The version the channel shows now, other than the given one. */
    Optional<DeliveredVersion> deliveredOtherThan(UUID itemId, int version) {
        return ofItem(itemId).stream()
                .filter(entry -> entry.version() != version)
                .filter(entry -> entry.status() == LedgerStatus.DELIVERED)
                .findFirst()
                .map(LedgerEntry::delivered);
    }

    /**
     * Records that the adapter is about to be called: the status, one more attempt, the time.
     * Commits on return.
     */
    LedgerEntry startAttempt(
            UUID itemId, int version, LedgerStatus status, String idempotencyKey, UUID eventId) {
        OffsetDateTime now = now();
        return jdbc.sql(
                        "insert into delivery (item_id, version, status, attempts, idempotency_key,"
                                + " event_id, last_attempt_at, updated_at)"
                                + " values (:item, :version, :status, 1, :key, :event, :now, :now)"
                                + " on conflict (item_id, version) do update set status = :status,"
                                + " attempts = delivery.attempts + 1, event_id = :event,"
                                + " last_attempt_at = :now, updated_at = :now"
                                + " returning "
                                + COLUMNS)
                .param("item", itemId)
                .param("version", version)
                .param("status", status.name())
                .param("key", idempotencyKey)
                .param("event", eventId)
                .param("now", now)
                .query(Deliveries::entry)
                .single();
    }

    /** Records an outcome other than delivered; keeps the URL and reference unless given. */
    LedgerEntry record(
            UUID itemId,
            int version,
            LedgerStatus status,
            @Nullable String externalRef,
            @Nullable String detail) {
        return jdbc.sql(
                        "update delivery set status = :status, external_ref = coalesce(:ref,"
                                + " external_ref), detail = :detail, updated_at = :now,"
                                + " retrying_since = case when :status = 'RETRYING' then"
                                + " coalesce(retrying_since, :now) when :status in ('IN_FLIGHT',"
                                + " 'UNCONFIRMED', 'RETRACTING', 'DELIVERED') then retrying_since"
                                + " end where item_id = :item and version = :version returning "
                                + COLUMNS)
                .param("status", status.name())
                .param("ref", externalRef)
                .param("detail", detail)
                .param("now", now())
                .param("item", itemId)
                .param("version", version)
                .query(Deliveries::entry)
                .optional()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No ledger entry for item %s version %d to mark %s"
                                                .formatted(itemId, version, status)));
    }

    /**
     * Records that the provider accepted the version and confirms later, unless an asynchronous
     * outcome already settled it meanwhile (a callback can overtake the listener).
     */
    LedgerEntry recordPending(
            UUID itemId, int version, @Nullable String externalRef, @Nullable String detail) {
        return jdbc.sql(
                        "update delivery set status = 'PENDING', external_ref = coalesce(:ref,"
                                + " external_ref), detail = :detail, updated_at = :now,"
                                + " retrying_since = null where item_id"
                                + " = :item and version = :version and status in ('IN_FLIGHT',"
                                + " 'UNCONFIRMED', 'RETRYING', 'PENDING') returning "
                                + COLUMNS)
                .param("ref", externalRef)
                .param("detail", detail)
                .param("now", now())
                .param("item", itemId)
                .param("version", version)
                .query(Deliveries::entry)
                .optional()
                .or(() -> find(itemId, version))
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No ledger entry for item %s version %d to mark PENDING"
                                                .formatted(itemId, version)));
    }

    /** Records the version as live and every other live version of the item as replaced. */
    LedgerEntry recordDelivered(
            UUID itemId,
            int version,
            @Nullable URI externalUrl,
            @Nullable String externalRef,
            @Nullable String detail,
            List<DeliveryWarning> warnings) {
        return transactions.execute(
                status -> {
                    OffsetDateTime now = now();
                    jdbc.sql(
                                    "update delivery set status = 'SUPERSEDED', updated_at = ?"
                                            + " where item_id = ? and version <> ? and status ="
                                            + " 'DELIVERED'")
                            .params(now, itemId, version)
                            .update();
                    return jdbc.sql(
                                    "update delivery set status = 'DELIVERED', external_url = :url,"
                                            + " external_ref = :ref, detail = :detail, updated_at ="
                                            + " :now, warnings = cast(:warnings as jsonb),"
                                            + " retrying_since = null where item_id = :item and"
                                            + " version = :version returning "
                                            + COLUMNS)
                            .param("url", externalUrl == null ? null : externalUrl.toString())
                            .param("ref", externalRef)
                            .param("detail", detail)
                            .param("warnings", REQUESTS.writeValueAsString(warnings))
                            .param("now", now)
                            .param("item", itemId)
                            .param("version", version)
                            .query(Deliveries::entry)
                            .single();
                });
    }

    /** Records that the item is not targeted at the channel, unless the version is known. */
    LedgerEntry recordSkipped(
            UUID itemId, int version, String idempotencyKey, UUID eventId, String detail) {
        jdbc.sql(
                        "insert into delivery (item_id, version, status, attempts, idempotency_key,"
                                + " event_id, detail, updated_at) values (?, ?, 'SKIPPED', 0, ?, ?,"
                                + " ?, ?) on conflict (item_id, version) do nothing")
                .params(itemId, version, idempotencyKey, eventId, detail, now())
                .update();
        return find(itemId, version).orElseThrow();
    }

    /** Records the item as taken down: every version that may have been live, and this one. */
    LedgerEntry recordRetracted(
            UUID itemId, int version, String idempotencyKey, UUID eventId, String detail) {
        return transactions.execute(
                status -> {
                    OffsetDateTime now = now();
                    jdbc.sql(
                                    "update delivery set status = 'RETRACTED', external_url = null,"
                                            + " updated_at = ? where item_id = ? and status in"
                                            + " ('DELIVERED', 'IN_FLIGHT', 'PENDING',"
                                            + " 'UNCONFIRMED', 'RETRACTING')")
                            .params(now, itemId)
                            .update();
                    jdbc.sql(
                                    "insert into delivery (item_id, version, status, attempts,"
                                            + " idempotency_key, event_id, detail, updated_at) values"
                                            + " (:item, :version, 'RETRACTED', 0, :key, :event,"
                                            + " :detail, :now) on conflict (item_id, version) do"
                                            + " update set status = 'RETRACTED', external_url = null,"
                                            + " detail = :detail, updated_at = :now,"
                                            + " retrying_since = null")
                            .param("item", itemId)
                            .param("version", version)
                            .param("key", idempotencyKey)
                            .param("event", eventId)
                            .param("detail", detail)
                            .param("now", now)
                            .update();
                    return find(itemId, version).orElseThrow();
                });
    }

    /** Entries whose outcome is still unknown and that nobody touched since the instant. */
    List<LedgerEntry> unresolvedSince(Instant before) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from delivery where status in ('IN_FLIGHT', 'PENDING',"
                                + " 'UNCONFIRMED') and updated_at < ? order by updated_at limit"
                                + " 100")
                .param(before.atOffset(ZoneOffset.UTC))
                .query(Deliveries::entry)
                .list();
    }

    /** Changes the status only if nobody else did meanwhile. */
    boolean transition(
            LedgerEntry from,
            LedgerStatus to,
            @Nullable URI externalUrl,
            @Nullable String externalRef,
            @Nullable String detail) {
        return transition(from, to, externalUrl, externalRef, detail, null);
    }

    /**
     * Changes the status only if nobody else did meanwhile, with the warnings of a delivery ({@code
     * null} keeps those recorded). A settled entry ends its run of transient failures.
     */
    boolean transition(
            LedgerEntry from,
            LedgerStatus to,
            @Nullable URI externalUrl,
            @Nullable String externalRef,
            @Nullable String detail,
            @Nullable List<DeliveryWarning> warnings) {
        return transactions.execute(
                status -> {
                    int changed =
                            jdbc.sql(
                                            "update delivery set status = :to, external_url ="
                                                    + " coalesce(:url, external_url), external_ref ="
                                                    + " coalesce(:ref, external_ref), detail = :detail,"
                                                    + " warnings = coalesce(cast(:warnings as jsonb),"
                                                    + " warnings), retrying_since = case when :to in"
                                                    + " ('IN_FLIGHT', 'UNCONFIRMED', 'RETRYING') then"
                                                    + " retrying_since end,"
                                                    + " updated_at = :now where item_id = :item and"
                                                    + " version = :version and status = :from and"
                                                    + " updated_at = :seen")
                                    .param("to", to.name())
                                    .param(
                                            "url",
                                            externalUrl == null ? null : externalUrl.toString())
                                    .param("ref", externalRef)
                                    .param("detail", detail)
                                    .param(
                                            "warnings",
                                            warnings == null
                                                    ? null
                                                    : REQUESTS.writeValueAsString(warnings))
                                    .param("now", now())
                                    .param("item", from.itemId())
                                    .param("version", from.version())
                                    .param("from", from.status().name())
                                    .param("seen", from.updatedAt().atOffset(ZoneOffset.UTC))
                                    .update();
                    if (changed == 1 && to == LedgerStatus.DELIVERED) {
                        jdbc.sql(
                                        "update delivery set status = 'SUPERSEDED' where item_id = ?"
                                                + " and version <> ? and status = 'DELIVERED'")
                                .params(from.itemId(), from.version())
                                .update();
                    }
                    return changed == 1;
                });
    }

    /**
     * Keeps the request with its ledger entry, so that an operator's retry can push it again
     * without the original record. Commits on return.
     */
    void keepRequest(PublicationRequested request) {
        jdbc.sql(
                        "update delivery set request = cast(? as jsonb) where item_id = ? and"
                                + " version = ? and request is null")
                .params(REQUESTS.writeValueAsString(request), request.itemId(), request.version())
                .update();
    }

    /** The request kept with the entry, if the ledger has one. */
    Optional<PublicationRequested> storedRequest(UUID itemId, int version) {
        return jdbc.sql(
                        "select cast(request as text) from delivery where item_id = ? and version"
                                + " = ? and request is not null")
                .params(itemId, version)
                .query(String.class)
                .optional()
                .map(json -> REQUESTS.readValue(json, PublicationRequested.class));
    }

    /**
     * Records a person's decision on an entry, with who made it and when, only if nobody changed
     * the entry meanwhile.
     */
    boolean resolve(LedgerEntry from, LedgerStatus to, String decidedBy, String detail) {
        return transactions.execute(
                status -> {
                    if (!transition(from, to, null, null, detail)) {
                        return false;
                    }
                    jdbc.sql(
                                    "update delivery set resolved_by = ?, resolved_at = ? where"
                                            + " item_id = ? and version = ?")
                            .params(decidedBy, now(), from.itemId(), from.version())
                            .update();
                    return true;
                });
    }

    /**
     * Marks the start of a run of transient failures of (item, version) without changing its
     * status, e.g. a reconcile that could not reach the provider; an earlier start is kept.
     */
    void outageBegan(UUID itemId, int version) {
        jdbc.sql(
                        "update delivery set retrying_since = coalesce(retrying_since, ?) where"
                                + " item_id = ? and version = ?")
                .params(now(), itemId, version)
                .update();
    }

    /** When the current run of transient failures of (item, version) began, if one is running. */
    Optional<Instant> retryingSince(UUID itemId, int version) {
        return find(itemId, version).map(LedgerEntry::retryingSince);
    }

    /**
     * The broker acknowledged a report of the entry as it stands: no report is owed for it any
     * more, unless the entry changed since (then the change's own report is still owed).
     */
    void reportAcknowledged(LedgerEntry entry) {
        jdbc.sql(
                        "update delivery set report_owed = false where item_id = ? and version = ?"
                                + " and updated_at = ? and report_owed")
                .params(entry.itemId(), entry.version(), entry.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Entries whose current state the core has not acknowledged and that nobody touched since the
     * instant, oldest first; attempts under way are left to their listener.
     */
    List<LedgerEntry> reportsOwedSince(Instant before, int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from delivery where report_owed and updated_at < ? and status"
                                + " not in "
                                + UNDER_WAY
                                + " order by updated_at limit ?")
                .params(before.atOffset(ZoneOffset.UTC), limit)
                .query(Deliveries::entry)
                .list();
    }

    /** When the channel last recorded a delivery, if ever. */
    Optional<Instant> lastDeliveredAt() {
        return jdbc
                .sql(
                        "select max(updated_at) from delivery where status in ('DELIVERED',"
                                + " 'SUPERSEDED')")
                .query((row, number) -> row.getObject(1, OffsetDateTime.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(OffsetDateTime::toInstant);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static LedgerEntry entry(ResultSet row, int number) throws SQLException {
        String url = row.getString("external_url");
        Timestamp lastAttempt = row.getTimestamp("last_attempt_at");
        Timestamp retryingSince = row.getTimestamp("retrying_since");
        String warnings = row.getString("warnings");
        return new LedgerEntry(
                row.getObject("item_id", UUID.class),
                row.getInt("version"),
                LedgerStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getString("idempotency_key"),
                url == null ? null : URI.create(url),
                row.getString("external_ref"),
                row.getString("detail"),
                lastAttempt == null ? null : lastAttempt.toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                warnings == null ? List.of() : REQUESTS.readValue(warnings, WARNINGS),
                retryingSince == null ? null : retryingSince.toInstant());
    }
}
