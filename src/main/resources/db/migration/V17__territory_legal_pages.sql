-- Territory: what each structure completes of its three legal pages (« Mentions légales », « Données
-- personnelles », « Déclaration d'accessibilité »). The rest of the text is the application's template; the host,
-- the providers and the retention periods come from the configuration. No row yet: the template with blanks to fill.
create table structure_legal (
    structure_id             bigint        not null primary key,
    version                  bigint        not null default 0,
    publication_director     varchar(120)  null,
    publisher_address        varchar(300)  null,
    dpo_contact              varchar(254)  null,
    accessibility_state      varchar(30)   not null default 'NON_COMPLIANT',
    compliance_rate          int           null,
    audit_date               date          null,
    audited_by               varchar(200)  null,
    non_accessible_content   varchar(4000) null,
    accessibility_contact    varchar(254)  null,
    declaration_date         date          null,
    constraint fk_structure_legal_structure foreign key (structure_id) references structure (id),
    constraint ck_structure_legal_state
        check (accessibility_state in ('NON_COMPLIANT', 'PARTIALLY_COMPLIANT', 'FULLY_COMPLIANT')),
    constraint ck_structure_legal_rate check (compliance_rate is null or compliance_rate between 0 and 100)
) engine = InnoDB;
