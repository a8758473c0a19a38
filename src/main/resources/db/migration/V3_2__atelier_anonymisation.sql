-- Past the retention period, a registration keeps what the report counts and loses who it was.
alter table atelier_registration add column anonymised_at datetime(6) null;
alter table atelier_registration drop constraint ck_atelier_registration_contact;
alter table atelier_registration add constraint ck_atelier_registration_contact
    check (anonymised_at is not null or email_key is not null or phone is not null);
