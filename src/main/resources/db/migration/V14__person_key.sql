-- The pseudonymous key of the person (HMAC-SHA256 of the normalised contact, hex; base.retention.PersonKeys): the
-- activity report counts distinct people with it, and it stays when the retention job or an erasure removes the
-- contact. The secret lives in the configuration, not here: rows written before this migration get their key when
-- the application starts (PersonKeyBackfill in each module) and, at the latest, just before they are anonymised.
alter table appointment add column person_key char(64) null;
alter table atelier_registration add column person_key char(64) null;
alter table activity_record add column person_key char(64) null;
create index ix_appointment_person_key on appointment (person_key);
create index ix_atelier_registration_person_key on atelier_registration (person_key);
create index ix_activity_record_person_key on activity_record (person_key);
