-- A kiosk's own secret, created when the activation link is used and kept in the screen's cookie: the link's
-- token only activates. Screens activated before keep working: their cookie holds the link's token, whose hash
-- becomes their secret's.
alter table kiosk_device
    add column secret_hash varchar(64) null after token_hash,
    add constraint uk_kiosk_device_secret unique (secret_hash);

update kiosk_device set secret_hash = token_hash where activated_at is not null;

alter table kiosk_device
    add constraint ck_kiosk_device_secret_once_active check (activated_at is null or secret_hash is not null);
