-- Ateliers: the collective record (compte-rendu d'atelier collectif) an advisor writes after a session, as the
-- national tool records it: title, level, themes, equipment, duration and place, the registered participants'
-- attendance (kept on their registrations) and anonymous counts of the people who came without registering.
-- Each breakdown of those people (by gender, age band, status) adds up to no more than their total: the CHECKs
-- say it whatever the code does.
create table atelier_collective_record (
    id                      bigint       not null auto_increment primary key,
    version                 bigint       not null default 0,
    structure_id            bigint       not null,
    session_id              bigint       not null,
    advisor_id              bigint       not null,
    place_id                bigint       not null,
    activity_date           date         not null,
    title                   varchar(120) not null,
    level                   varchar(20)  not null,
    duration_minutes        int          not null,
    walk_ins                int          not null default 0,
    walk_ins_already_helped int          not null default 0,
    gender_masculin         int          not null default 0,
    gender_feminin          int          not null default 0,
    gender_non_communique   int          not null default 0,
    age_moins_de_12         int          not null default 0,
    age_de_12_a_17          int          not null default 0,
    age_de_18_a_24          int          not null default 0,
    age_de_25_a_39          int          not null default 0,
    age_de_40_a_59          int          not null default 0,
    age_de_60_a_69          int          not null default 0,
    age_plus_de_70          int          not null default 0,
    age_non_communique      int          not null default 0,
    status_scolarise        int          not null default 0,
    status_sans_emploi      int          not null default 0,
    status_en_emploi        int          not null default 0,
    status_retraite         int          not null default 0,
    status_non_communique   int          not null default 0,
    notes                   varchar(500) null,
    taxonomy_version        varchar(30)  not null,
    recorded_at             datetime(6)  not null,
    recorded_by_account_id  bigint       null,
    constraint uk_atelier_collective_record_session unique (session_id),
    constraint fk_atelier_collective_record_structure foreign key (structure_id) references structure (id),
    constraint fk_atelier_collective_record_session foreign key (session_id) references atelier_session (id),
    constraint fk_atelier_collective_record_advisor foreign key (advisor_id) references advisor (id),
    constraint fk_atelier_collective_record_place foreign key (place_id) references place (id),
    constraint ck_atelier_collective_record_level check (level in ('DEBUTANT', 'INTERMEDIAIRE', 'AVANCE')),
    constraint ck_atelier_collective_record_duration check (duration_minutes between 1 and 600),
    constraint ck_atelier_collective_record_counts check (walk_ins between 0 and 1000 and walk_ins_already_helped >= 0
        and gender_masculin >= 0 and gender_feminin >= 0 and gender_non_communique >= 0
        and age_moins_de_12 >= 0 and age_de_12_a_17 >= 0 and age_de_18_a_24 >= 0 and age_de_25_a_39 >= 0
        and age_de_40_a_59 >= 0 and age_de_60_a_69 >= 0 and age_plus_de_70 >= 0 and age_non_communique >= 0
        and status_scolarise >= 0 and status_sans_emploi >= 0 and status_en_emploi >= 0 and status_retraite >= 0
        and status_non_communique >= 0),
    constraint ck_atelier_collective_record_helped check (walk_ins_already_helped <= walk_ins),
    constraint ck_atelier_collective_record_gender check (gender_masculin + gender_feminin + gender_non_communique
        <= walk_ins),
    constraint ck_atelier_collective_record_age check (age_moins_de_12 + age_de_12_a_17 + age_de_18_a_24
        + age_de_25_a_39 + age_de_40_a_59 + age_de_60_a_69 + age_plus_de_70 + age_non_communique <= walk_ins),
    constraint ck_atelier_collective_record_status check (status_scolarise + status_sans_emploi + status_en_emploi
        + status_retraite + status_non_communique <= walk_ins)
) engine = InnoDB;
create index ix_atelier_collective_record_structure on atelier_collective_record (structure_id, activity_date);

create table atelier_collective_record_theme (
    record_id bigint      not null,
    theme     varchar(50) not null,
    primary key (record_id, theme),
    constraint fk_atelier_collective_record_theme foreign key (record_id) references atelier_collective_record (id)
        on delete cascade
) engine = InnoDB;

create table atelier_collective_record_equipment (
    record_id bigint      not null,
    equipment varchar(20) not null,
    primary key (record_id, equipment),
    constraint fk_atelier_collective_record_equipment foreign key (record_id) references atelier_collective_record (id)
        on delete cascade
) engine = InnoDB;
