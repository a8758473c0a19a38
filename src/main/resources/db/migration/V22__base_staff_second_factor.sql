-- Staff second factor (ADR 020): the account's TOTP secret (RFC 6238, Base32), set only once the person typed a code
-- it gives, and the last time step whose code was accepted, so that a code seen over a shoulder or replayed from a
-- captured request cannot be used again. The secret is kept as the authenticator app has it (see ADR 020 for why it
-- is not encrypted in the row).
alter table staff_account add column totp_secret varchar(64) null;
alter table staff_account add column totp_last_step bigint null;
