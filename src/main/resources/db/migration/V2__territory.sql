-- Territory: structures, communes, places, advisors, conventions de mutualisation, advisors' schedules.

create table structure (
    id      bigint       not null auto_increment primary key,
    version bigint       not null default 0,
    name    varchar(120) not null,
    slug    varchar(60)  not null,
    kind    varchar(30)  not null,
    phone   varchar(20)  null,
    email   varchar(254) null,
    active  boolean      not null default true,
    constraint uk_structure_slug unique (slug),
    constraint ck_structure_kind check (kind in ('MUTUALISATION', 'COMMUNE', 'INTERCOMMUNALITE', 'ASSOCIATION', 'AUTRE'))
) engine = InnoDB;

create table commune (
    id           bigint       not null auto_increment primary key,
    version      bigint       not null default 0,
    structure_id bigint       not null,
    name         varchar(100) not null,
    insee_code   varchar(5)   not null,
    postal_code  varchar(5)   not null,
    active       boolean      not null default true,
    constraint uk_commune_insee unique (structure_id, insee_code),
    constraint fk_commune_structure foreign key (structure_id) references structure (id),
    constraint ck_commune_insee check (insee_code regexp '^([0-9]{2}|2[AB])[0-9]{3}$'),
    constraint ck_commune_postal check (postal_code regexp '^[0-9]{5}$')
) engine = InnoDB;

create table place (
    id               bigint        not null auto_increment primary key,
    version          bigint        not null default 0,
    structure_id     bigint        not null,
    commune_id       bigint        not null,
    name             varchar(120)  not null,
    kind             varchar(30)   not null,
    address          varchar(200)  not null,
    step_free_access varchar(10)   not null,
    transport        varchar(300)  null,
    parking          varchar(300)  null,
    public_notes     varchar(1000) null,
    active           boolean       not null default true,
    constraint fk_place_structure foreign key (structure_id) references structure (id),
    constraint fk_place_commune foreign key (commune_id) references commune (id),
    constraint ck_place_kind check (kind in ('MEDIATHEQUE', 'MAIRIE', 'MAIRIE_DE_QUARTIER', 'TIERS_LIEU', 'AUTRE')),
    constraint ck_place_access check (step_free_access in ('YES', 'PARTIAL', 'NO', 'UNKNOWN'))
) engine = InnoDB;
create index ix_place_structure on place (structure_id, name);

create table advisor (
    id           bigint       not null auto_increment primary key,
    version      bigint       not null default 0,
    structure_id bigint       not null,
    display_name varchar(120) not null,
    email        varchar(254) not null,
    kind         varchar(30)  not null,
    active       boolean      not null default true,
    constraint fk_advisor_structure foreign key (structure_id) references structure (id),
    constraint ck_advisor_kind check (kind in ('CONSEILLER_NUMERIQUE', 'MEDIATEUR_NUMERIQUE'))
) engine = InnoDB;

create table advisor_place (
    advisor_id bigint not null,
    place_id   bigint not null,
    primary key (advisor_id, place_id),
    constraint fk_advisor_place_advisor foreign key (advisor_id) references advisor (id) on delete cascade,
    constraint fk_advisor_place_place foreign key (place_id) references place (id)
) engine = InnoDB;

create table convention (
    id                 bigint         not null auto_increment primary key,
    version            bigint         not null default 0,
    structure_id       bigint         not null,
    title              varchar(160)   not null,
    host_commune_id    bigint         not null,
    signed_on          date           not null,
    valid_from         date           not null,
    valid_until        date           not null,
    posts              int            not null,
    subsidy_amount     decimal(12, 2) not null,
    other_annual_costs decimal(12, 2) not null,
    constraint fk_convention_structure foreign key (structure_id) references structure (id),
    constraint fk_convention_host foreign key (host_commune_id) references commune (id),
    constraint ck_convention_period check (valid_until > valid_from),
    constraint ck_convention_posts check (posts >= 1),
    constraint ck_convention_amounts check (subsidy_amount >= 0 and other_annual_costs >= 0)
) engine = InnoDB;

create table convention_share (
    convention_id bigint       not null,
    position      int          not null,
    commune_id    bigint       not null,
    weekly_hours  decimal(5, 2) not null,
    primary key (convention_id, position),
    constraint uk_convention_share_commune unique (convention_id, commune_id),
    constraint fk_convention_share_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint fk_convention_share_commune foreign key (commune_id) references commune (id),
    constraint ck_convention_share_hours check (weekly_hours > 0)
) engine = InnoDB;

create table convention_instalment (
    convention_id          bigint not null,
    position               int    not null,
    percent                int    not null,
    months_after_signature int    not null,
    primary key (convention_id, position),
    constraint fk_convention_instalment_convention foreign key (convention_id) references convention (id) on delete cascade,
    constraint ck_convention_instalment check (percent > 0 and percent <= 100 and months_after_signature >= 0)
) engine = InnoDB;

-- An advisor's time, in five-minute blocks (UTC). The primary key is the rule "never in two places at once":
-- atelier sessions, appointments and absences all claim blocks here, so no two of them can overlap.
create table advisor_time_block (
    advisor_id  bigint       not null,
    block_start datetime     not null,
    owner_kind  varchar(30)  not null,
    owner_id    bigint       not null,
    label       varchar(255) not null,
    primary key (advisor_id, block_start),
    constraint fk_advisor_time_block_advisor foreign key (advisor_id) references advisor (id)
) engine = InnoDB;
create index ix_advisor_time_block_owner on advisor_time_block (owner_kind, owner_id);

alter table staff_account
    add constraint fk_staff_account_structure foreign key (structure_id) references structure (id),
    add constraint fk_staff_account_advisor foreign key (advisor_id) references advisor (id);
