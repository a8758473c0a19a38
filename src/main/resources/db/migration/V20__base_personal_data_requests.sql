-- Residents' data requests answered by a coordinator (RGPD): access (export) and erasure, with the reason of an
-- erasure. Nothing here names the person: the register says that a request was answered, when, by whom and how much
-- was concerned.
create table personal_data_request (
    id           bigint       not null auto_increment primary key,
    structure_id bigint       not null,
    kind         varchar(12)  not null,
    reason       varchar(500) null,
    account_id   bigint       null,
    items        int          not null,
    created_at   datetime(6)  not null,
    constraint fk_personal_data_request_structure foreign key (structure_id) references structure (id),
    constraint ck_personal_data_request_kind check (kind in ('EXPORT', 'ERASURE')),
    constraint ck_personal_data_request_reason check (kind <> 'ERASURE' or reason is not null)
);
create index ix_personal_data_request_structure on personal_data_request (structure_id, created_at);
