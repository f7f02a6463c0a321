-- how each version of an item is shown on the LED screens (issue 4): the screen groups it names
-- (comma separated; every group when null), its priority and its display window (the approval
-- time and the group's lifetime when null)
alter table item_version
    add column led_groups    varchar(1000),
    add column led_priority  varchar(16) not null default 'NORMAL'
        check (led_priority in ('NORMAL', 'URGENT', 'EMERGENCY')),
    add column led_start_at  timestamptz,
    add column led_expire_at timestamptz,
    add constraint item_version_led_window
        check (led_start_at is null or led_expire_at is null or led_expire_at > led_start_at);
