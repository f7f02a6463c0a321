-- Items' files, WeChat variant and schedules (issue 11).

-- each version's attachments (media ids and the liaison's titles, in order, same length), WeChat
-- cover, the media its body's images refer to, its WeChat variant and its schedule
alter table item_version
    add column attachment_ids    uuid[]  not null default '{}',
    add column attachment_titles text[]  not null default '{}',
    add column cover_image       uuid,
    add column body_images       uuid[]  not null default '{}',
    add column wechat_title      varchar(32),
    add column wechat_digest     varchar(128),
    add column wechat_author     varchar(16),
    add column publish_at        timestamptz,
    add column withdraw_at       timestamptz,
    add column withdraw_reason   varchar(200),
    add constraint item_version_attachments_paired
        check (cardinality(attachment_ids) = cardinality(attachment_titles));

-- an approved version waits for its time (SCHEDULED, release_at); the live version's automatic
-- retraction (live_withdraw_at, with its reason; the default text when null)
alter table item drop constraint item_status_check;
alter table item
    add constraint item_status_check
        check (status in ('DRAFT', 'APPROVED', 'SCHEDULED', 'RETRACTED')),
    add column release_at           timestamptz,
    add column live_withdraw_at     timestamptz,
    add column live_withdraw_reason varchar(200),
    add constraint item_release_only_when_scheduled
        check ((status = 'SCHEDULED') = (release_at is not null));

-- the schedule job's two questions, asked every second
create index item_due_release on item (release_at) where status = 'SCHEDULED';
create index item_due_withdrawal on item (live_withdraw_at)
    where live_withdraw_at is not null and status <> 'RETRACTED';
