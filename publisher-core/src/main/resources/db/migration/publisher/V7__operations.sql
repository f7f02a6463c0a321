-- Operations: the channels' status reports, the records they dead-lettered, the operators' repairs.

-- the latest status report of each channel service instance (from the compacted channel-status topic)
create table channel_status (
    channel       varchar(32)  not null,
    instance      varchar(128) not null,
    occurred_at   timestamptz  not null,
    received_at   timestamptz  not null,
    up            boolean      not null,
    paused        boolean      not null,
    paused_reason text,
    resumes_at    timestamptz,
    circuit_breaker varchar(32),
    last_success_at timestamptz,
    primary key (channel, instance)
);

-- records a channel sent to publication-events-dlt; id = topic-partition-offset
create table dead_letter (
    id                varchar(300) primary key,
    item_id           uuid,
    version           integer,
    channel           varchar(32),
    consumer_group    varchar(128),
    event_type        varchar(64),
    exception_message text,
    received_at       timestamptz  not null,
    retried_by        varchar(64),
    retried_at        timestamptz
);
create index dead_letter_open on dead_letter (received_at desc) where retried_at is null;
create index dead_letter_delivery on dead_letter (item_id, version, channel);

-- every repair an operator asked for, append-only: who retried, reconciled or overrode what, and when
create table delivery_repair (
    event_id     uuid         primary key,
    item_id      uuid         not null,
    version      integer      not null,
    channel      varchar(32)  not null,
    action       varchar(32)  not null,
    requested_by varchar(64)  not null,
    note         text,
    requested_at timestamptz  not null
);
create index delivery_repair_item on delivery_repair (item_id, version, channel);

-- a person's decision on a delivery whose outcome was unknown
alter table delivery add column resolved_by varchar(64);
alter table delivery add column resolved_at timestamptz;
alter table delivery add column resolution_note text;
