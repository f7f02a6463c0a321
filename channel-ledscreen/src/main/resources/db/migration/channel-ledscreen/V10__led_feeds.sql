-- One row per (item, screen group): the message the group's feed shows for the item. A new version
-- replaces the row (new id); a retraction deletes it; an expired row stays (reconcile answers from
-- it) but no longer appears in the feed.
create table led_message (
    id           bigserial    primary key,
    item_id      uuid         not null,
    item_version integer      not null,
    group_name   varchar(64)  not null,
    priority     varchar(16)  not null,
    mode         varchar(8)   not null,
    hold_sec     integer      not null,
    -- the pages, separated by U+001E (normalisation removes control characters from the text)
    pages        text         not null,
    start_at     timestamptz  not null,
    expire_at    timestamptz  not null,
    entered_at   timestamptz  not null,
    -- the first acknowledgement of a feed version containing it (or its entry into a group that
    -- needs none): from then on the delivery is DELIVERED
    shown_at     timestamptz,
    shown_by     varchar(128),
    unique (item_id, group_name)
);

create index led_message_group_idx on led_message (group_name, expire_at);

-- The feed version per group: a counter that moves whenever what the feed shows changes (a message
-- entered, was replaced or removed, started, expired or was preempted).
create table led_feed (
    group_name   varchar(64)  primary key,
    version      bigint       not null,
    generated_at timestamptz  not null
);

-- What each feed version showed, so that an acknowledgement of version N delivers exactly the
-- messages screens saw in version N.
create table led_feed_entry (
    group_name   varchar(64)  not null,
    feed_version bigint       not null,
    message_id   bigint       not null,
    item_id      uuid         not null,
    item_version integer      not null,
    primary key (group_name, feed_version, message_id)
);

-- The screens that acknowledged something, with their last acknowledgement.
create table led_screen (
    screen_id         varchar(64)  primary key,
    group_name        varchar(64)  not null,
    last_ack_at       timestamptz  not null,
    last_feed_version bigint       not null,
    acks              bigint       not null
);
