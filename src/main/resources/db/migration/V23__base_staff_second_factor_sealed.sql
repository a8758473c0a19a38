-- A second factor's secret may be sealed with AES-GCM under RDV_STAFF_SECOND_FACTOR_KEY (ADR 020): room for the
-- prefix, the nonce, the ciphertext and its tag in Base64.
alter table staff_account modify column totp_secret varchar(200) null;
