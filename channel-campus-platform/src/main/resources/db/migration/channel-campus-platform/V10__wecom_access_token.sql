-- The WeCom access token of each (CorpID, AgentId), shared by every instance of the service: whoever holds
-- the row lock (select ... for update) fetches it with gettoken, the others wait and read it. Unused by the
-- webhook adapter, whose state is all in the runtime's ledger (delivery.idempotency_key gives the webhook-id).
create table wecom_access_token (
    account      varchar(128) primary key,
    access_token varchar(512),
    expires_at   timestamptz,
    fetches      bigint       not null default 0,
    updated_at   timestamptz  not null
);
