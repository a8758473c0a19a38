-- Staff sessions and sign-in (ADR 009). security_stamp changes when an account is deactivated, its roles or structure
-- change or its password is reset: every node compares a session's stamp with this one at each request and ends the
-- session when they differ. Failed sign-ins slow the next attempts for the account, here rather than in one node's
-- memory.
alter table staff_account add column security_stamp bigint not null default 0;
alter table staff_account add column failed_sign_ins int not null default 0;
alter table staff_account add column last_failed_sign_in_at datetime(6) null;
