-- The access token of each AppID, shared by every instance of the service: whoever holds the row lock
-- (select ... for update) fetches, the others wait and read. invalidated_token is the token that last
-- failed with 40001/40014/42001, so that a stale answer is recognised and force_refresh used at most once.
create table wechat_access_token (
    app_id            varchar(64)  primary key,
    access_token      varchar(512),
    expires_at        timestamptz,
    invalidated_token varchar(512),
    forced_at         timestamptz,
    fetches           bigint       not null default 0,
    updated_at        timestamptz  not null
);

-- Permanent materials uploaded once per account (the default cover): WeChat caps them at 5000.
create table wechat_material (
    app_id     varchar(64)  not null,
    source     varchar(512) not null,
    media_id   varchar(128) not null,
    created_at timestamptz  not null,
    primary key (app_id, source)
);

-- Where the publication of one (item, version) stands on WeChat, step by step, so that after a crash or
-- a lost answer the adapter knows what it already did: the old article deleted, the draft's media_id
-- (recorded before submit), the submit started, the publish_id (recorded right after), the outcome.
create table wechat_article (
    item_id             uuid          not null,
    version             integer       not null,
    step                varchar(16)   not null,
    canonical_url       varchar(2048),
    replaced_article_id varchar(128),
    draft_media_id      varchar(128),
    submit_started_at   timestamptz,
    publish_id          varchar(64),
    publish_status      integer,
    article_id          varchar(128),
    article_url         varchar(2048),
    warnings            text,
    polls               integer       not null default 0,
    updated_at          timestamptz   not null,
    primary key (item_id, version)
);

create unique index wechat_article_publish_id_idx on wechat_article (publish_id);
