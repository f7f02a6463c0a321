-- What an outage and a lost report need to survive a restart.
--
-- retrying_since: when the current run of transient failures of this (item, version) began (the
-- provider unreachable, 5xx, busy); the retry horizon (channel.runtime.retry.horizon) counts from it,
-- so a restart does not give a delivery another 24 hours. Cleared when the delivery settles.
alter table delivery add column retrying_since timestamptz;

-- warnings: what the channel could not carry although it delivered (DeliveryWarning records), sent
-- with every report of the entry.
alter table delivery add column warnings jsonb not null default '[]'::jsonb;

-- report_owed: the core has not yet acknowledged a report of the entry's current state. Set in the
-- same statement (so the same transaction) as every change of the entry, by the trigger below, so that
-- no path can commit a change and lose its report; cleared only when the broker acknowledged a report
-- of exactly that state (same updated_at). OwedReports re-sends the rows that stay owed.
alter table delivery add column report_owed boolean not null default false;
alter table delivery alter column report_owed set default true;

create function delivery_report_owed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'DELIVERED' and new.status = 'SUPERSEDED' then
        -- replaced by a later version: still DELIVERED on the wire, so nothing new to report
        return new;
    end if;
    if tg_op = 'INSERT'
            or new.status is distinct from old.status
            or new.updated_at is distinct from old.updated_at
            or new.warnings is distinct from old.warnings then
        new.report_owed := true;
    end if;
    return new;
end
$$;

create trigger delivery_report_owed before insert or update on delivery
    for each row execute function delivery_report_owed();

create index delivery_report_owed_idx on delivery (updated_at) where report_owed;
