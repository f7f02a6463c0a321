-- publisher-core's schema: accounts, items and their versions, the outbox, deliveries.

create table account (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('LIAISON', 'OPERATOR', 'REPORTER', 'ADMIN')),
    department    varchar(64),
    enabled       boolean      not null default true
);

-- one row per item: its lifecycle and which version is live
create table item (
    id                uuid         primary key,
    department        varchar(64)  not null,
    status            varchar(16)  not null check (status in ('DRAFT', 'APPROVED', 'RETRACTED')),
    latest_version    integer      not null,
    live_version      integer,
    approved_by       varchar(64),
    approved_at       timestamptz,
    retracted_version integer,
    retracted_by      varchar(64),
    retracted_at      timestamptz,
    retract_reason    text,
    created_by        varchar(64)  not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index item_updated_at on item (updated_at desc, id);

-- every version's content; approved versions are never changed again
create table item_version (
    item_id        uuid         not null references item (id),
    version        integer      not null,
    status         varchar(16)  not null,
    title          varchar(120) not null,
    summary        varchar(300),
    body           text         not null,
    catalogue_item integer,
    channels       varchar(100) not null,
    led_text       varchar(200),
    produced_on    date,
    approved_by    varchar(64),
    approved_at    timestamptz,
    updated_at     timestamptz  not null,
    primary key (item_id, version)
);

-- events written in the transaction that caused them; the relay sends them in id order
create table outbox (
    id              bigserial    primary key,
    event_id        uuid         not null unique,
    event_type      varchar(64)  not null,
    topic           varchar(128) not null,
    message_key     varchar(64)  not null,
    payload         text         not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    attempts        integer      not null default 0,
    last_attempt_at timestamptz,
    last_error      text
);
create index outbox_unsent on outbox (id) where sent_at is null;

-- the latest known status of one version of an item on one channel
create table delivery (
    item_id            uuid         not null,
    version            integer      not null,
    channel            varchar(32)  not null,
    status             varchar(16)  not null,
    attempts           integer      not null default 0,
    external_url       varchar(2048),
    detail             text,
    last_error         text,
    reported_at        timestamptz,
    updated_at         timestamptz  not null,
    first_delivered_at timestamptz,
    primary key (item_id, version, channel)
);
create index delivery_channel_status on delivery (channel, status);

-- reports already applied, so that a redelivered report changes nothing
create table processed_report (
    event_id    uuid        primary key,
    received_at timestamptz not null
);
