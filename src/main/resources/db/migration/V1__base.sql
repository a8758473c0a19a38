-- Shared kernel: staff accounts, demo-data marker, Spring Modulith's event publication registry, job locks.

create table staff_account (
    id            bigint       not null auto_increment primary key,
    version       bigint       not null default 0,
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    password_hash varchar(200) not null,
    structure_id  bigint       null,
    advisor_id    bigint       null,
    active        boolean      not null default true,
    constraint uk_staff_account_email unique (email)
) engine = InnoDB;

create table staff_account_role (
    account_id bigint      not null,
    role       varchar(20) not null,
    primary key (account_id, role),
    constraint fk_staff_account_role_account foreign key (account_id) references staff_account (id) on delete cascade,
    constraint ck_staff_account_role check (role in ('ADVISOR', 'COORDINATOR', 'ADMIN'))
) engine = InnoDB;

-- One row: has the demo data been loaded into this database?
create table demo_data_marker (
    id     int     not null primary key,
    loaded boolean not null default false,
    constraint ck_demo_data_marker_single check (id = 1)
) engine = InnoDB;
insert into demo_data_marker (id, loaded) values (1, false);

-- Spring Modulith 2 event publication registry (JPA): an event published in a business transaction is
-- stored with it, and stays incomplete until its listener has succeeded.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(4000) not null,
    publication_date       datetime(6)   not null,
    completion_date        datetime(6)   null,
    status                 varchar(20)   null,
    completion_attempts    int           not null default 0,
    last_resubmission_date datetime(6)   null
) engine = InnoDB;
create index ix_event_publication_incomplete on event_publication (completion_date, publication_date);

-- ShedLock: one instance runs a scheduled job at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null default current_timestamp(3),
    locked_by  varchar(255) not null
) engine = InnoDB;
