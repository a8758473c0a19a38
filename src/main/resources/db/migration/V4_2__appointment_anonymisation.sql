-- Past the retention period, an appointment keeps what the report counts and loses who it was.
alter table appointment add column anonymised_at datetime(6) null;
alter table appointment drop constraint ck_appointment_contact;
alter table appointment add constraint ck_appointment_contact
    check (anonymised_at is not null or email is not null or phone is not null);
