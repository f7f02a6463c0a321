-- The files each live page shows (its attachments, the images of its body, its cover), copied into the
-- web root at files/<sha256>/<file name>. A retraction, or a new version without a file, removes the copy
-- only when no other live page still lists the same (sha256, file name); the file controller serves a
-- file only while a live page lists it, with the type recorded here.
create table website_page_file (
    item_id       uuid    not null references website_page (item_id),
    sha256        char(64) not null,
    file_name     text    not null,
    content_type  text    not null,
    size          bigint  not null,
    primary key (item_id, sha256, file_name)
);

create index website_page_file_by_file on website_page_file (sha256, file_name);
