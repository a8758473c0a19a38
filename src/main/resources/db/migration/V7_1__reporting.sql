-- Reporting: the objectives for the next year, written by the coordinator for each report year. Everything else
-- in the activity report is computed from the other modules' records.
create table report_objectives (
    id           bigint        not null auto_increment primary key,
    version      bigint        not null default 0,
    structure_id bigint        not null,
    report_year  int           not null,
    text         varchar(4000) not null,
    updated_at   datetime(6)   not null,
    constraint uk_report_objectives unique (structure_id, report_year),
    constraint fk_report_objectives_structure foreign key (structure_id) references structure (id),
    constraint ck_report_objectives_year check (report_year between 2000 and 2200)
) engine = InnoDB;
