-- Phone-only residents: text messages through the same outbox as mails, the staff's « À appeler » list for the
-- people who can get neither, and how a person booked by staff wants to be told.

-- The outbox carries text messages too (recipient: the E.164 number; body_html stays empty).
alter table outbound_message drop constraint ck_outbound_message_channel;
alter table outbound_message add constraint ck_outbound_message_channel check (channel in ('EMAIL', 'SMS'));
create index ix_outbound_message_channel_due on outbound_message (status, channel, next_attempt_at);

-- A call staff owe a resident who cannot get a mail or a text message. dedup_key, like the outbox's, makes a call
-- asked for twice (an event delivered again) exist once. A later call about the same subject supersedes the ones
-- not made yet: staff tell the current state once.
create table call_task (
    id           bigint        not null auto_increment primary key,
    dedup_key    varchar(500)  not null,
    structure_id bigint        not null,
    advisor_id   bigint        null,
    subject_type varchar(40)   not null,
    subject_id   bigint        not null,
    kind         varchar(40)   not null,
    person_name  varchar(200)  null,
    phone        varchar(20)   not null,
    what         varchar(500)  not null,
    due_by       datetime(6)   not null,
    status       varchar(12)   not null default 'DUE',
    attempts     int           not null default 0,
    outcome_by   varchar(200)  null,
    outcome_at   datetime(6)   null,
    created_at   datetime(6)   not null,
    constraint uk_call_task_dedup unique (dedup_key),
    constraint fk_call_task_structure foreign key (structure_id) references structure (id),
    constraint ck_call_task_status check (status in ('DUE', 'NO_ANSWER', 'CALLED', 'SUPERSEDED')),
    constraint ck_call_task_attempts check (attempts >= 0),
    constraint ck_call_task_outcome check (status not in ('NO_ANSWER', 'CALLED') or (outcome_by is not null and outcome_at is not null))
) engine = InnoDB;
create index ix_call_task_open on call_task (structure_id, status, due_by);
create index ix_call_task_subject on call_task (subject_type, subject_id, status);

-- How the person wants to be told, when staff booked for them: EMAIL, SMS, PHONE_CALL or NONE; null: by the
-- contact they gave (a mail, else a text message to a mobile, else a call).
alter table atelier_registration add column notice_by varchar(12) null,
    add constraint ck_atelier_registration_notice_by check (notice_by is null or notice_by in ('EMAIL', 'SMS', 'PHONE_CALL', 'NONE'));
alter table appointment add column notice_by varchar(12) null,
    add constraint ck_appointment_notice_by check (notice_by is null or notice_by in ('EMAIL', 'SMS', 'PHONE_CALL', 'NONE'));
