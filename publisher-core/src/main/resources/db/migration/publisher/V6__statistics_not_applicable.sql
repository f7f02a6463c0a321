-- an admin's decision that a catalogue item does (not) apply to the college (不涉及), overriding
-- publisher.statistics.not-applicable-items for that item
create table statistics_not_applicable (
    catalogue_item integer      primary key,
    not_applicable boolean      not null,
    updated_by     varchar(64)  not null,
    updated_at     timestamptz  not null
);
