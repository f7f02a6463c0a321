-- Exactly once under lost answers. source_url is the article's content_source_url ("阅读原文"): the
-- item's page with the delivery's idempotency key as a marker (?wechat_ref=<key>), the one field that
-- draft/batchget and freepublish/batchget return for every article (also with no_content=1), so that
-- after a lost answer the channel finds its own draft or article there. drafting_started_at is when
-- draft/add was called, the lower bound of that search.
alter table wechat_article add column source_url varchar(2048);
alter table wechat_article add column drafting_started_at timestamptz;

-- Callback nonces seen in the last minutes, shared by every instance: a push whose nonce is here is
-- a replay and is refused. Rows older than the accepted clock skew are deleted as pushes arrive.
create table wechat_callback_nonce (
    nonce   varchar(128) primary key,
    seen_at timestamptz  not null
);

create index wechat_callback_nonce_seen_idx on wechat_callback_nonce (seen_at);
