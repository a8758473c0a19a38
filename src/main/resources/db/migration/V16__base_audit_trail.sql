-- Base: the audit trail (« Journal des actions »). Who did what to which record, when: every staff action that
-- changes data or exports personal data, written in the action's own transaction (ADR 012).
-- No foreign key: an entry outlives the record, the account and the structure it names, and the anonymisation of
-- the people concerned (it never holds a resident's name or contact).
create table audit_entry (
    id               bigint        not null auto_increment primary key,
    occurred_at      datetime(6)   not null,
    actor_account_id bigint        null,
    actor_name       varchar(120)  null,
    kind             varchar(40)   not null,
    record_type      varchar(40)   not null,
    record_id        bigint        null,
    structure_id     bigint        null,
    changes          varchar(2000) null
) engine = InnoDB;
create index ix_audit_entry_time on audit_entry (occurred_at);
create index ix_audit_entry_structure on audit_entry (structure_id, occurred_at);
create index ix_audit_entry_actor on audit_entry (actor_account_id, occurred_at);
create index ix_audit_entry_record on audit_entry (record_type, record_id);

-- Append-only for the application: an entry is never changed, and only the purge job removes entries, those older
-- than the cut-off it announces in its own session (@rdv_audit_purge_before, UTC).
DELIMITER $$
create trigger tr_audit_entry_no_update before update on audit_entry for each row
begin
    signal sqlstate '45000' set message_text = 'audit_entry is append-only';
end$$
create trigger tr_audit_entry_purge_only before delete on audit_entry for each row
begin
    if @rdv_audit_purge_before is null or old.occurred_at >= @rdv_audit_purge_before then
        signal sqlstate '45000' set message_text = 'audit_entry is append-only: only the purge removes old entries';
    end if;
end$$
DELIMITER ;
