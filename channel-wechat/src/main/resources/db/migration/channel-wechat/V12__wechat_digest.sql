-- Digest mode (channel.wechat.digest.enabled): once a day the approved items go into one multi-article
-- draft that is mass-sent (message/mass/sendall) to every follower, with clientmsgid = the digest id.

-- One row per digest, written before WeChat is called, so that after a crash or a lost answer the same
-- digest (same draft, same clientmsgid) is sent again and WeChat's 45065 tells that it already went out.
-- status: PLANNED (items chosen), DRAFTED (draft media_id known), PARKED (45028/45009: waits until
-- send_after), SENT, FAILED (WeChat refused it), EMPTY (nothing approved since the last digest).
create table wechat_digest (
    app_id         varchar(64)  not null,
    id             varchar(64)  not null,
    day            date         not null,
    cut_off        timestamptz  not null,
    status         varchar(16)  not null,
    draft_media_id varchar(128),
    msg_id         varchar(64),
    detail         text,
    rolled_over    integer      not null default 0,
    attempts       integer      not null default 0,
    send_after     timestamptz,
    sent_at        timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    primary key (app_id, id)
);

create index wechat_digest_open_idx on wechat_digest (app_id, status);

-- An approved item version as it would appear in a digest: the article exactly as it went to draft/add
-- (body images already on WeChat's CDN, the cover's media_id). digest_id/position are set when a digest
-- takes it; until then a newer version or a retraction removes it.
create table wechat_digest_entry (
    item_id            uuid          not null,
    version            integer       not null,
    approved_at        timestamptz   not null,
    title              varchar(256)  not null,
    author             varchar(64),
    summary            text,
    content            text          not null,
    content_source_url varchar(2048),
    thumb_media_id     varchar(128)  not null,
    digest_id          varchar(64),
    position           integer,
    recorded_at        timestamptz   not null,
    primary key (item_id, version)
);

create index wechat_digest_entry_open_idx on wechat_digest_entry (approved_at) where digest_id is null;
create index wechat_digest_entry_digest_idx on wechat_digest_entry (digest_id);
