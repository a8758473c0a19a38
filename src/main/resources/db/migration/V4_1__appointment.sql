-- Appointment: motifs, opening hours, absences, place closures, appointments and their private links,
-- activity records (compte-rendu d'activité). Instants are UTC DATETIME(6); local days and times are Paris time.

create table appointment_motif (
    id                        bigint       not null auto_increment primary key,
    version                   bigint       not null default 0,
    structure_id              bigint       not null,
    label                     varchar(120) not null,
    public_description        varchar(300) null,
    duration_minutes          int          not null,
    buffer_minutes            int          not null default 0,
    min_notice_hours          int          not null default 24,
    horizon_days              int          not null default 42,
    cancellation_cutoff_hours int          not null default 2,
    aidants_connect           boolean      not null default false,
    position                  int          not null default 0,
    active                    boolean      not null default true,
    constraint fk_appointment_motif_structure foreign key (structure_id) references structure (id),
    constraint ck_appointment_motif_duration check (duration_minutes between 5 and 240 and duration_minutes mod 5 = 0),
    constraint ck_appointment_motif_buffer check (buffer_minutes between 0 and 120 and buffer_minutes mod 5 = 0),
    constraint ck_appointment_motif_notice check (min_notice_hours between 0 and 720),
    constraint ck_appointment_motif_horizon check (horizon_days between 1 and 366),
    constraint ck_appointment_motif_cutoff check (cancellation_cutoff_hours between 0 and 720)
) engine = InnoDB;
create index ix_appointment_motif_structure on appointment_motif (structure_id, position);

create table appointment_motif_place (
    motif_id bigint not null,
    place_id bigint not null,
    primary key (motif_id, place_id),
    constraint fk_appointment_motif_place_motif foreign key (motif_id) references appointment_motif (id) on delete cascade,
    constraint fk_appointment_motif_place_place foreign key (place_id) references place (id)
) engine = InnoDB;

-- Themes an activity for this motif usually covers: they pre-fill the activity record.
create table appointment_motif_theme (
    motif_id bigint      not null,
    theme    varchar(50) not null,
    primary key (motif_id, theme),
    constraint fk_appointment_motif_theme_motif foreign key (motif_id) references appointment_motif (id) on delete cascade
) engine = InnoDB;

-- When an advisor receives people at a place: every <weekday> from <start_time> to <end_time>, Paris time.
create table opening_hours (
    id           bigint  not null auto_increment primary key,
    version      bigint  not null default 0,
    structure_id bigint  not null,
    advisor_id   bigint  not null,
    place_id     bigint  not null,
    weekday      int     not null,
    start_time   time    not null,
    end_time     time    not null,
    valid_from   date    not null,
    valid_until  date    null,
    constraint fk_opening_hours_structure foreign key (structure_id) references structure (id),
    constraint fk_opening_hours_advisor foreign key (advisor_id) references advisor (id),
    constraint fk_opening_hours_place foreign key (place_id) references place (id),
    constraint ck_opening_hours_weekday check (weekday between 1 and 7),
    constraint ck_opening_hours_times check (end_time > start_time and minute(start_time) mod 5 = 0
        and minute(end_time) mod 5 = 0 and second(start_time) = 0 and second(end_time) = 0),
    constraint ck_opening_hours_validity check (valid_until is null or valid_until >= valid_from)
) engine = InnoDB;
create index ix_opening_hours_place on opening_hours (place_id, weekday);
create index ix_opening_hours_advisor on opening_hours (advisor_id, weekday);

-- Leave, training...: the absence also claims the advisor's time (owner kind ABSENCE).
create table advisor_absence (
    id           bigint       not null auto_increment primary key,
    version      bigint       not null default 0,
    structure_id bigint       not null,
    advisor_id   bigint       not null,
    start_at     datetime(6)  not null,
    end_at       datetime(6)  not null,
    kind         varchar(20)  not null,
    note         varchar(300) null,
    constraint fk_advisor_absence_structure foreign key (structure_id) references structure (id),
    constraint fk_advisor_absence_advisor foreign key (advisor_id) references advisor (id),
    constraint ck_advisor_absence_period check (end_at > start_at),
    constraint ck_advisor_absence_kind check (kind in ('CONGE', 'FORMATION', 'MALADIE', 'AUTRE'))
) engine = InnoDB;
create index ix_advisor_absence_advisor on advisor_absence (advisor_id, start_at);

-- A place closed for whole days (works, local holiday): no appointment there, whoever the advisor.
create table place_closure (
    id           bigint       not null auto_increment primary key,
    version      bigint       not null default 0,
    structure_id bigint       not null,
    place_id     bigint       not null,
    first_day    date         not null,
    last_day     date         not null,
    reason       varchar(200) null,
    constraint fk_place_closure_structure foreign key (structure_id) references structure (id),
    constraint fk_place_closure_place foreign key (place_id) references place (id),
    constraint ck_place_closure_period check (last_day >= first_day)
) engine = InnoDB;
create index ix_place_closure_place on place_closure (place_id, first_day);

create table appointment (
    id                   bigint       not null auto_increment primary key,
    version              bigint       not null default 0,
    structure_id         bigint       not null,
    place_id             bigint       not null,
    advisor_id           bigint       not null,
    motif_id             bigint       not null,
    start_at             datetime(6)  not null,
    end_at               datetime(6)  not null,
    buffer_minutes       int          not null,
    status               varchar(12)  not null,
    person_name          varchar(80)  not null,
    email                varchar(254) null,
    email_canonical      varchar(254) null,
    phone                varchar(20)  null,
    wants_reminders      boolean      not null default true,
    needs                varchar(500) null,
    channel              varchar(10)  not null,
    device_id            varchar(64)  null,
    booked_by_account_id bigint       null,
    created_at           datetime(6)  not null,
    updated_at           datetime(6)  not null,
    cancelled_at         datetime(6)  null,
    cancelled_by         varchar(10)  null,
    cancel_reason        varchar(300) null,
    sequence             int          not null default 0,
    -- One slot is booked at most once: the start of every appointment that is not cancelled is unique per
    -- advisor (MariaDB has no partial index; a cancelled appointment's key is NULL, and NULLs never collide).
    slot_start           datetime(6) as (case when status = 'CANCELLED' then null else start_at end) persistent,
    constraint uk_appointment_slot unique (advisor_id, slot_start),
    constraint fk_appointment_structure foreign key (structure_id) references structure (id),
    constraint fk_appointment_place foreign key (place_id) references place (id),
    constraint fk_appointment_advisor foreign key (advisor_id) references advisor (id),
    constraint fk_appointment_motif foreign key (motif_id) references appointment_motif (id),
    constraint ck_appointment_period check (end_at > start_at),
    constraint ck_appointment_buffer check (buffer_minutes between 0 and 120),
    constraint ck_appointment_status check (status in ('BOOKED', 'CANCELLED', 'DONE', 'NO_SHOW')),
    constraint ck_appointment_channel check (channel in ('WEB', 'KIOSK', 'STAFF')),
    constraint ck_appointment_contact check (email is not null or phone is not null),
    constraint ck_appointment_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null and cancelled_by is not null)),
    constraint ck_appointment_cancelled_by check (cancelled_by is null or cancelled_by in ('PERSON', 'STAFF'))
) engine = InnoDB;
create index ix_appointment_advisor on appointment (advisor_id, start_at);
create index ix_appointment_place on appointment (place_id, start_at);
create index ix_appointment_structure on appointment (structure_id, start_at);
create index ix_appointment_email on appointment (email_canonical, start_at);
create index ix_appointment_phone on appointment (phone, start_at);

-- What the person said they want to learn (optional): pre-fills the activity record.
create table appointment_theme (
    appointment_id bigint      not null,
    theme          varchar(50) not null,
    primary key (appointment_id, theme),
    constraint fk_appointment_theme_appointment foreign key (appointment_id) references appointment (id) on delete cascade
) engine = InnoDB;

-- Private management links: only the SHA-256 of each token; an appointment may have several (one per mail).
create table appointment_token (
    id             bigint      not null auto_increment primary key,
    appointment_id bigint      not null,
    token_hash     char(64)    not null,
    created_at     datetime(6) not null,
    constraint uk_appointment_token_hash unique (token_hash),
    constraint fk_appointment_token_appointment foreign key (appointment_id) references appointment (id) on delete cascade
) engine = InnoDB;

-- One row per contact (hash of the e-mail or phone), locked while a booking checks the cap of active
-- appointments per contact, so that two simultaneous bookings by the same person cannot both pass it.
create table appointment_contact_lock (
    contact_hash char(64) not null primary key
) engine = InnoDB;

-- Compte-rendu d'activité (CRA v2 codes), for a rendez-vous or for walk-in help (accompagnement ponctuel).
create table activity_record (
    id                    bigint      not null auto_increment primary key,
    version               bigint      not null default 0,
    structure_id          bigint      not null,
    advisor_id            bigint      not null,
    appointment_id        bigint      null,
    place_id              bigint      null,
    kind                  varchar(12) not null,
    activity_date         date        not null,
    duration_minutes      int         not null,
    location              varchar(20) not null,
    autonomy              varchar(30) null,
    referred              boolean     not null default false,
    referral_kind         varchar(50) null,
    age_band              varchar(20) not null,
    gender                varchar(20) not null,
    occupation            varchar(20) not null,
    notes                 varchar(500) null,
    taxonomy_version      varchar(30) not null,
    created_at            datetime(6) not null,
    created_by_account_id bigint      null,
    constraint uk_activity_record_appointment unique (appointment_id),
    constraint fk_activity_record_structure foreign key (structure_id) references structure (id),
    constraint fk_activity_record_advisor foreign key (advisor_id) references advisor (id),
    constraint fk_activity_record_appointment foreign key (appointment_id) references appointment (id),
    constraint fk_activity_record_place foreign key (place_id) references place (id),
    constraint ck_activity_record_kind check (kind in ('RENDEZ_VOUS', 'PONCTUEL')),
    constraint ck_activity_record_link check ((kind = 'RENDEZ_VOUS') = (appointment_id is not null)),
    constraint ck_activity_record_duration check (duration_minutes between 1 and 600),
    constraint ck_activity_record_referral check (referred or referral_kind is null)
) engine = InnoDB;
create index ix_activity_record_structure on activity_record (structure_id, activity_date);
create index ix_activity_record_advisor on activity_record (advisor_id, activity_date);

create table activity_record_theme (
    record_id bigint      not null,
    theme     varchar(50) not null,
    primary key (record_id, theme),
    constraint fk_activity_record_theme_record foreign key (record_id) references activity_record (id) on delete cascade
) engine = InnoDB;

create table activity_record_admin_theme (
    record_id bigint      not null,
    theme     varchar(50) not null,
    primary key (record_id, theme),
    constraint fk_activity_record_admin_theme_record foreign key (record_id) references activity_record (id) on delete cascade
) engine = InnoDB;

create table activity_record_equipment (
    record_id bigint      not null,
    equipment varchar(20) not null,
    primary key (record_id, equipment),
    constraint fk_activity_record_equipment_record foreign key (record_id) references activity_record (id) on delete cascade
) engine = InnoDB;
