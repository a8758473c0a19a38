-- The per-contact lock rows of ateliers follow the rule of the appointments' ones: kept while used within the
-- retention period, instead of all deleted each night.
alter table atelier_contact_lock add column last_used_at datetime(6) not null default (utc_timestamp(6));
create index ix_atelier_contact_lock_used on atelier_contact_lock (last_used_at);
