-- the purge of sent outbox rows (publisher.outbox.retention) finds them by the time they were sent
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

-- ShedLock (JdbcTemplateLockProvider): the jobs that one instance at a time may run
-- (outbox-purge, statistics-recompute); lock_until is the database's time (usingDbTime)
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
