-- The audit log: who approved, retracted, retried, reconciled or overrode what, and when.
-- Append-only: rows are inserted in the transaction of the act they record and never changed.

create table audit_entry (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(32)  not null check (action in ('APPROVED', 'RETRACTED', 'RETRY_REQUESTED',
                    'RECONCILE_REQUESTED', 'MARKED_DELIVERED', 'MARKED_FAILED')),
    item_id     uuid         not null,
    version     integer      not null,
    channel     varchar(32),
    detail      text
);
-- the console lists newest first, filtered by actor, action or item
create index audit_entry_newest on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc, id desc);
create index audit_entry_action on audit_entry (action, occurred_at desc, id desc);
create index audit_entry_item on audit_entry (item_id, occurred_at desc, id desc);

-- the database refuses to change or remove an entry, whoever asks
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'raise_exception';
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
