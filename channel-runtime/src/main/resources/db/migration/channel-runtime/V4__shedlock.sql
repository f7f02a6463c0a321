-- ShedLock's table (JDBC provider): jobs that only one instance of the channel may run at a time
-- (the stale-attempt reconciler, the re-sender of owed reports, a channel's own once-only jobs).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
