-- what a channel could not carry although it delivered (contract DeliveryWarning: code, subject),
-- as the latest report on the delivery gave them; shown as 已发布（有提示）
alter table delivery add column warnings jsonb not null default '[]';
