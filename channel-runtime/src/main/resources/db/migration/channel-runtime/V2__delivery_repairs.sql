-- Operator repairs (DeliveryRepairRequested). A retry pushes the request the channel received, so the
-- ledger keeps a copy of it from the first attempt; a person's decision on an attempt whose outcome was
-- unknown is kept with who made it and when.
alter table delivery add column request jsonb;
alter table delivery add column resolved_by varchar(64);
alter table delivery add column resolved_at timestamptz;
