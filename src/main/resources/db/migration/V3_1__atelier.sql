-- Ateliers: the workshop catalogue, sessions with a hard capacity, registrations with a waiting list,
-- and the private links people use to see or cancel their registration.

create table atelier_workshop (
    id                 bigint        not null auto_increment primary key,
    version            bigint        not null default 0,
    structure_id       bigint        not null,
    title              varchar(120)  not null,
    description        varchar(2000) not null,
    level              varchar(20)   not null,
    duration_minutes   int           not null,
    default_capacity   int           not null,
    what_to_bring      varchar(500)  null,
    equipment_provided varchar(500)  null,
    active             boolean       not null default true,
    constraint fk_atelier_workshop_structure foreign key (structure_id) references structure (id),
    constraint ck_atelier_workshop_level check (level in ('DEBUTANT', 'INTERMEDIAIRE', 'AVANCE')),
    constraint ck_atelier_workshop_duration check (duration_minutes between 15 and 480 and duration_minutes % 5 = 0),
    constraint ck_atelier_workshop_capacity check (default_capacity between 1 and 100)
) engine = InnoDB;
create index ix_atelier_workshop_structure on atelier_workshop (structure_id, title);

create table atelier_workshop_theme (
    workshop_id bigint      not null,
    theme       varchar(50) not null,
    primary key (workshop_id, theme),
    constraint fk_atelier_workshop_theme_workshop foreign key (workshop_id) references atelier_workshop (id) on delete cascade
) engine = InnoDB;

-- A session: one date of a workshop. The seat counter is the hard limit: every change to a session's
-- registrations locks this row first (one lock per transaction, so no lock-order deadlock), and the CHECK
-- refuses any state with more confirmed seats than capacity, whatever the code does.
create table atelier_session (
    id                     bigint      not null auto_increment primary key,
    edit_version           bigint      not null default 0,
    structure_id           bigint      not null,
    workshop_id            bigint      not null,
    place_id               bigint      not null,
    advisor_id             bigint      not null,
    starts_at              datetime(6) not null,
    ends_at                datetime(6) not null,
    capacity               int         not null,
    confirmed_seats        int         not null default 0,
    waiting_count          int         not null default 0,
    last_queue_rank        bigint      not null default 0,
    registration_opens_at  datetime(6) null,
    registration_closes_at datetime(6) not null,
    status                 varchar(20) not null default 'SCHEDULED',
    series_key             varchar(36) null,
    created_at             datetime(6) not null,
    cancelled_at           datetime(6) null,
    constraint fk_atelier_session_structure foreign key (structure_id) references structure (id),
    constraint fk_atelier_session_workshop foreign key (workshop_id) references atelier_workshop (id),
    constraint fk_atelier_session_place foreign key (place_id) references place (id),
    constraint fk_atelier_session_advisor foreign key (advisor_id) references advisor (id),
    constraint ck_atelier_session_capacity check (capacity between 1 and 100),
    constraint ck_atelier_session_seats check (confirmed_seats >= 0 and confirmed_seats <= capacity),
    constraint ck_atelier_session_waiting check (waiting_count >= 0),
    constraint ck_atelier_session_times check (ends_at > starts_at),
    constraint ck_atelier_session_window check (registration_closes_at <= ends_at
        and (registration_opens_at is null or registration_opens_at < registration_closes_at)),
    constraint ck_atelier_session_status check (status in ('SCHEDULED', 'CANCELLED'))
) engine = InnoDB;
create index ix_atelier_session_structure on atelier_session (structure_id, starts_at);
create index ix_atelier_session_place on atelier_session (place_id, starts_at);

-- A person's registration. One active registration per email and per phone number and session (the generated
-- columns are NULL once cancelled, so a person who cancelled may register again). Waiting people are ordered by
-- queue_rank, unique per session; their position (1, 2, 3…) is their rank's order, so it never has gaps.
-- Ids come from a sequence, allocated by blocks of 50, so that a group of registrations is inserted in one batch.
create sequence atelier_registration_seq start with 1 increment by 50;

create table atelier_registration (
    id                        bigint       not null primary key,
    session_id                bigint       not null,
    structure_id              bigint       not null,
    first_name                varchar(80)  not null,
    last_name                 varchar(80)  not null,
    email                     varchar(254) null,
    email_key                 varchar(254) null,
    phone                     varchar(20)  null,
    companion_first_name      varchar(80)  null,
    companion_last_name       varchar(80)  null,
    seats                     int          not null,
    residence_commune_id      bigint       null,
    resides_elsewhere         boolean      not null default false,
    age_band                  varchar(20)  null,
    wants_reminders           boolean      not null,
    status                    varchar(20)  not null,
    queue_rank                bigint       null,
    channel                   varchar(10)  not null,
    kiosk_device_id           varchar(64)  null,
    attendance                varchar(10)  null,
    sequence                  int          not null default 0,
    created_at                datetime(6)  not null,
    confirmed_at              datetime(6)  null,
    waitlisted_at             datetime(6)  null,
    promoted_at               datetime(6)  null,
    moved_to_waiting_list_at  datetime(6)  null,
    cancelled_at              datetime(6)  null,
    cancelled_by              varchar(10)  null,
    cancellation_reason       varchar(20)  null,
    attendance_marked_at      datetime(6)  null,
    active_email              varchar(254) as (if(status = 'CANCELLED', null, email_key)) persistent,
    active_phone              varchar(20)  as (if(status = 'CANCELLED', null, phone)) persistent,
    constraint fk_atelier_registration_session foreign key (session_id) references atelier_session (id),
    constraint fk_atelier_registration_commune foreign key (residence_commune_id) references commune (id),
    constraint uk_atelier_registration_email unique (session_id, active_email),
    constraint uk_atelier_registration_phone unique (session_id, active_phone),
    constraint uk_atelier_registration_rank unique (session_id, queue_rank),
    constraint ck_atelier_registration_contact check (email_key is not null or phone is not null),
    constraint ck_atelier_registration_seats check (seats in (1, 2)),
    constraint ck_atelier_registration_companion check ((seats = 2) = (companion_first_name is not null)),
    constraint ck_atelier_registration_status check (status in ('CONFIRMED', 'WAITING', 'CANCELLED')),
    constraint ck_atelier_registration_queue check ((status = 'WAITING') = (queue_rank is not null)),
    constraint ck_atelier_registration_channel check (channel in ('WEB', 'KIOSK', 'STAFF')),
    constraint ck_atelier_registration_kiosk check (kiosk_device_id is null or channel = 'KIOSK'),
    constraint ck_atelier_registration_attendance check (attendance is null
        or (attendance in ('PRESENT', 'ABSENT', 'EXCUSE') and status = 'CONFIRMED')),
    constraint ck_atelier_registration_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null)),
    constraint ck_atelier_registration_age check (age_band is null or age_band in ('MOINS_DE_12', 'DE_12_A_17',
        'DE_18_A_24', 'DE_25_A_39', 'DE_40_A_59', 'DE_60_A_69', 'PLUS_DE_70', 'NON_COMMUNIQUE'))
) engine = InnoDB;
create index ix_atelier_registration_session on atelier_registration (session_id, status, queue_rank);
create index ix_atelier_registration_email on atelier_registration (email_key, status);
create index ix_atelier_registration_phone on atelier_registration (phone, status);

-- What the person wants to learn, in the national themes.
create table atelier_registration_interest (
    registration_id bigint      not null,
    theme           varchar(50) not null,
    primary key (registration_id, theme),
    constraint fk_atelier_registration_interest foreign key (registration_id) references atelier_registration (id)
        on delete cascade
) engine = InnoDB;

-- Private management links: only the SHA-256 of each token is kept. A registration may have several valid
-- links (one per mail sent).
create table atelier_registration_token (
    token_hash      char(64)    not null primary key,
    registration_id bigint      not null,
    created_at      datetime(6) not null,
    constraint fk_atelier_registration_token foreign key (registration_id) references atelier_registration (id)
        on delete cascade
) engine = InnoDB;
create index ix_atelier_registration_token_registration on atelier_registration_token (registration_id);
