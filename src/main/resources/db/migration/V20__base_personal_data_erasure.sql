-- Residents' erasure requests answered by staff (RGPD art. 17): who erased, when, which contacts were given (not
-- the contacts), how many records lost the person's data, and the reason staff typed. The audit entry of each erasure
-- points to its row here. structure_id is null when an administrator erased across every structure.
create table personal_data_erasure (
    id           bigint       not null auto_increment primary key,
    structure_id bigint       null,
    account_id   bigint       not null,
    given        varchar(12)  not null,
    reason       varchar(500) not null,
    records      int          not null,
    created_at   datetime(6)  not null,
    constraint fk_personal_data_erasure_structure foreign key (structure_id) references structure (id),
    constraint ck_personal_data_erasure_given check (given in ('email', 'phone', 'email+phone')),
    constraint ck_personal_data_erasure_records check (records >= 0)
) engine = InnoDB;
create index ix_personal_data_erasure_structure on personal_data_erasure (structure_id, created_at);
