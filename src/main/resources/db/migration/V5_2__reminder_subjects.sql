-- What each subject's reminders depend on (activity, motif or workshop, start, the person's consent), so that a
-- change of the structure's or of a motif's/workshop's reminder setting can plan the pending reminders again.
create table reminder_subject (
    subject_type varchar(40) not null,
    subject_id   bigint      not null,
    structure_id bigint      not null,
    activity     varchar(20) not null,
    override_id  bigint      null,
    starts_at    datetime(6) not null,
    wanted       boolean     not null,
    updated_at   datetime(6) not null,
    primary key (subject_type, subject_id),
    constraint fk_reminder_subject_structure foreign key (structure_id) references structure (id),
    constraint ck_reminder_subject_activity check (activity in ('APPOINTMENT', 'ATELIER'))
) engine = InnoDB;
create index ix_reminder_subject_structure on reminder_subject (structure_id, activity, starts_at);
create index ix_reminder_subject_override on reminder_subject (activity, override_id, starts_at);

-- A reminder whose mail cannot be written is tried a few times, then marked FAILED with the reason.
alter table scheduled_reminder add column attempts int not null default 0;
alter table scheduled_reminder drop constraint ck_scheduled_reminder_status;
alter table scheduled_reminder add constraint ck_scheduled_reminder_status
    check (status in ('PENDING', 'QUEUED', 'SKIPPED', 'CANCELLED', 'FAILED'));
alter table scheduled_reminder add constraint ck_scheduled_reminder_attempts check (attempts >= 0);
