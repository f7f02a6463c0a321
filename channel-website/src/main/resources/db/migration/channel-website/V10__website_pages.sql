-- The pages the website shows (or showed, until retracted), to regenerate the index, the feed and the
-- sitemap without reading the pages back, and to answer 410 Gone for a retracted page.
create table website_page (
    item_id           uuid        primary key,
    version           integer     not null,
    title             text        not null,
    summary           text,
    department        text        not null,
    catalogue_number  integer,
    catalogue_name    text,
    category_number   integer,
    category_name     text,
    published_at      timestamptz not null,
    retracted_at      timestamptz
);
