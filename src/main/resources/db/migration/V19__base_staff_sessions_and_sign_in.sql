-- Staff sessions and sign-in (ADR 015). security_stamp changes when an account is deactivated, its roles, structure
-- or advisor change or its password is reset: at each request every node compares a session's stamp with this one
-- and ends the session when they differ. Failed sign-ins slow the account's next attempts (failed_sign_ins,
-- next_sign_in_at), here rather than in one node's memory.
alter table staff_account add column security_stamp bigint not null default 0;
alter table staff_account add column failed_sign_ins int not null default 0;
alter table staff_account add column next_sign_in_at datetime(6) null;
