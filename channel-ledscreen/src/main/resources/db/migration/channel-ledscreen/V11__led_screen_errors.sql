-- Pushed controllers (Huidu) are screens too: a controller that refused or could not take a push
-- has a row before it ever acknowledged anything, with the last error for the operator.
alter table led_screen alter column last_ack_at drop not null;
alter table led_screen alter column last_feed_version drop not null;
alter table led_screen add column last_error    text;
alter table led_screen add column last_error_at timestamptz;
alter table led_screen add column failures      bigint not null default 0;
