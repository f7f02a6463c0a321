-- Images of the core's media store on WeChat, each uploaded once per account by its SHA-256 (of the
-- bytes the record refers to, before any conversion). Covers are permanent thumb material and live in
-- wechat_material under source 'thumb:sha256:<hex>' (the default cover keeps its classpath location);
-- body images (media/uploadimg) answer a CDN URL, which is kept here.
create table wechat_body_image (
    app_id     varchar(64)   not null,
    sha256     char(64)      not null,
    url        varchar(2048) not null,
    format     varchar(8)    not null,
    size       bigint        not null,
    created_at timestamptz   not null,
    primary key (app_id, sha256)
);
