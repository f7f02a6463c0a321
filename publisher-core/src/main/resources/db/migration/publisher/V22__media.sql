-- the media store (issue 11): one row per upload; the bytes are stored once per SHA-256, on disk or
-- in S3, so the same bytes uploaded twice are two rows and one stored object
create table media (
    id           uuid         primary key,
    sha256       char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size         bigint       not null check (size > 0),
    content_type varchar(100) not null,
    file_name    varchar(200) not null,
    department   varchar(64),
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null
);
create index media_sha256 on media (sha256);

-- the channels' service accounts read the files with their own credential
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
    check (role in ('LIAISON', 'OPERATOR', 'REPORTER', 'ADMIN', 'CHANNEL'));
