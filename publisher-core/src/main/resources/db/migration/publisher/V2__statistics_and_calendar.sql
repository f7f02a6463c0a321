-- statistics: the first delivery of an item on a channel dates its count; the ledger is searched by it
create index delivery_first_delivered_at on delivery (first_delivered_at)
    where first_delivered_at is not null;
-- failures are dated by the report that failed them
create index delivery_failed_reported_at on delivery (reported_at) where status = 'FAILED';

-- per China day, channel and catalogue item (0 = none): items first delivered that day on that
-- channel, of which now retracted there; deliveries whose failure was reported that day
create table statistics_channel_day (
    day            date        not null,
    channel        varchar(32) not null,
    catalogue_item integer     not null,
    delivered      integer     not null,
    retracted      integer     not null,
    failed         integer     not null,
    primary key (day, channel, catalogue_item)
);

-- per China day, channel and department ('' = unknown item): items first delivered that day
create table statistics_department_day (
    day        date        not null,
    channel    varchar(32) not null,
    department varchar(64) not null,
    delivered  integer     not null,
    retracted  integer     not null,
    primary key (day, channel, department)
);

-- per China day and catalogue item: items first disclosed (on any channel) that day, within 20
-- working days of being produced, later, or without a production date
create table statistics_timeliness_day (
    day            date    not null,
    catalogue_item integer not null,
    on_time        integer not null,
    late           integer not null,
    undated        integer not null,
    primary key (day, catalogue_item)
);

-- the past days whose rows above are current; a delivery report on a day removes its row
create table statistics_day (
    day         date        primary key,
    computed_at timestamptz not null
);

-- counts of the channels outside the pipeline (公示栏, 印发文件, ...), per statistics year
create table statistics_manual_count (
    year       integer     not null,
    channel    varchar(32) not null,
    count      integer     not null check (count >= 0),
    updated_by varchar(64) not null,
    updated_at timestamptz not null,
    primary key (year, channel)
);

-- holiday schedules uploaded by an admin; they take precedence over the shipped calendar file
create table calendar_year (
    year        integer     primary key,
    document    text        not null,
    uploaded_by varchar(64) not null,
    uploaded_at timestamptz not null
);
