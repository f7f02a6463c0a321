-- The channel's delivery ledger: one row per (item, version) on this channel. An attempt is written
-- (IN_FLIGHT, attempts + 1) and committed before the outside system is called, so that after a crash
-- the runtime knows the outcome is unknown and reconciles instead of pushing twice.
create table delivery (
    item_id         uuid          not null,
    version         integer       not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    idempotency_key varchar(64)   not null,
    external_url    varchar(2048),
    external_ref    varchar(512),
    detail          text,
    event_id        uuid,
    last_attempt_at timestamptz,
    updated_at      timestamptz   not null,
    primary key (item_id, version)
);

create index delivery_status_updated_idx on delivery (status, updated_at);

-- Events handled to the end (outcome recorded and reported): a redelivered event is not handled again.
create table processed_event (
    event_id     uuid        primary key,
    item_id      uuid        not null,
    processed_at timestamptz not null
);
