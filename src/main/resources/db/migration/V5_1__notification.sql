-- Notifications: the outbox of messages to send, reminders to schedule, staff notice preferences and their
-- daily digest, reminder settings, and the advisors' private calendar feeds.

-- One row per message to deliver. Filled in the business transaction (or by an event listener), drained by
-- the dispatcher, which claims rows with SELECT ... FOR UPDATE SKIP LOCKED and a lease, so several
-- application instances never send the same row. dedup_key makes a message that is asked for twice
-- (an event delivered again after a crash) exist once.
create table outbound_message (
    id              bigint        not null auto_increment primary key,
    dedup_key       varchar(500)  not null,
    message_id      varchar(200)  not null,
    channel         varchar(10)   not null default 'EMAIL',
    kind            varchar(40)   not null,
    structure_id    bigint        not null,
    subject_type    varchar(40)   not null,
    subject_id      bigint        not null,
    sequence_no     int           not null default 0,
    recipient       varchar(254)  not null,
    recipient_name  varchar(200)  null,
    reply_to        varchar(254)  null,
    subject         varchar(300)  not null,
    body_text       mediumtext    not null,
    body_html       mediumtext    not null,
    ics             mediumtext    null,
    ics_method      varchar(10)   null,
    status          varchar(10)   not null default 'PENDING',
    attempts        int           not null default 0,
    next_attempt_at datetime(6)   not null,
    lease_owner     varchar(40)   null,
    lease_until     datetime(6)   null,
    last_error      varchar(500)  null,
    created_at      datetime(6)   not null,
    sent_at         datetime(6)   null,
    resend_of       bigint        null,
    constraint uk_outbound_message_dedup unique (dedup_key),
    constraint fk_outbound_message_structure foreign key (structure_id) references structure (id),
    constraint fk_outbound_message_resend foreign key (resend_of) references outbound_message (id),
    constraint ck_outbound_message_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    constraint ck_outbound_message_channel check (channel in ('EMAIL')),
    constraint ck_outbound_message_method check (ics_method is null or ics_method in ('REQUEST', 'CANCEL')),
    constraint ck_outbound_message_attempts check (attempts >= 0),
    constraint ck_outbound_message_lease check (status <> 'SENDING' or (lease_owner is not null and lease_until is not null)),
    constraint ck_outbound_message_sent check (status <> 'SENT' or sent_at is not null)
) engine = InnoDB;
create index ix_outbound_message_due on outbound_message (status, next_attempt_at);
create index ix_outbound_message_lease on outbound_message (status, lease_until);
create index ix_outbound_message_structure on outbound_message (structure_id, status, id);

-- Reminders to send before an appointment or an atelier session: one row per subject and offset.
create table scheduled_reminder (
    id             bigint       not null auto_increment primary key,
    subject_type   varchar(40)  not null,
    subject_id     bigint       not null,
    structure_id   bigint       not null,
    offset_minutes int          not null,
    starts_at      datetime(6)  not null,
    due_at         datetime(6)  null,
    status         varchar(10)  not null,
    note           varchar(200) null,
    processed_at   datetime(6)  null,
    constraint uk_scheduled_reminder unique (subject_type, subject_id, offset_minutes),
    constraint fk_scheduled_reminder_structure foreign key (structure_id) references structure (id),
    constraint ck_scheduled_reminder_status check (status in ('PENDING', 'QUEUED', 'SKIPPED', 'CANCELLED')),
    constraint ck_scheduled_reminder_offset check (offset_minutes > 0),
    constraint ck_scheduled_reminder_due check (status <> 'PENDING' or due_at is not null)
) engine = InnoDB;
create index ix_scheduled_reminder_due on scheduled_reminder (status, due_at);

-- How long before an activity reminders go out: a structure's defaults per activity (level STRUCTURE,
-- owner = structure id) and overrides for one motif or one workshop (level OVERRIDE, owner = its id).
create table reminder_setting (
    activity       varchar(20)  not null,
    level          varchar(10)  not null,
    owner_id       bigint       not null,
    structure_id   bigint       not null,
    offsets        varchar(200) not null,
    updated_at     datetime(6)  not null,
    primary key (activity, level, owner_id),
    constraint fk_reminder_setting_structure foreign key (structure_id) references structure (id),
    constraint ck_reminder_setting_activity check (activity in ('APPOINTMENT', 'ATELIER')),
    constraint ck_reminder_setting_level check (level in ('STRUCTURE', 'OVERRIDE')),
    constraint ck_reminder_setting_offsets check (offsets regexp '^([0-9]+(,[0-9]+)*)?$')
) engine = InnoDB;

-- What each staff member wants to hear about the bookings of their agenda.
create table staff_notice_preference (
    account_id bigint      not null primary key,
    mode       varchar(20) not null,
    updated_at datetime(6) not null,
    constraint fk_staff_notice_preference_account foreign key (account_id) references staff_account (id) on delete cascade,
    constraint ck_staff_notice_preference_mode check (mode in ('EVERY_EVENT', 'DAILY_DIGEST', 'NONE'))
) engine = InnoDB;

-- Notices waiting for a staff member's daily digest; digest_date says which digest carried them.
create table staff_notice (
    id           bigint        not null auto_increment primary key,
    account_id   bigint        not null,
    structure_id bigint        not null,
    event_key    varchar(200)  not null,
    text         varchar(1000) not null,
    created_at   datetime(6)   not null,
    digest_date  date          null,
    constraint uk_staff_notice unique (account_id, event_key),
    constraint fk_staff_notice_account foreign key (account_id) references staff_account (id) on delete cascade,
    constraint fk_staff_notice_structure foreign key (structure_id) references structure (id)
) engine = InnoDB;
create index ix_staff_notice_digest on staff_notice (digest_date, account_id);

-- An advisor's private calendar feed: only the SHA-256 of the token is kept.
create table advisor_feed (
    advisor_id   bigint      not null primary key,
    structure_id bigint      not null,
    token_hash   char(64)    not null,
    created_at   datetime(6) not null,
    constraint uk_advisor_feed_token unique (token_hash),
    constraint fk_advisor_feed_advisor foreign key (advisor_id) references advisor (id) on delete cascade,
    constraint fk_advisor_feed_structure foreign key (structure_id) references structure (id)
) engine = InnoDB;
