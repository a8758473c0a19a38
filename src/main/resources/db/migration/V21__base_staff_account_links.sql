-- One-time links by which a person chooses their own password: the invitation a coordinator or an administrator
-- sends when creating an account (valid 72 h), « Mot de passe oublié » (30 min), and a link an administrator sends
-- instead of typing someone's password. A row is requested in the transaction that creates or asks; the token is
-- minted only when the mail leaves (its SHA-256 stored then), so no working link waits in the database or in a
-- screen, and a mail that could not leave leaves no usable link. closed_at: used, replaced by a newer link, or
-- given up after failed sends.
create table staff_account_link (
    id              bigint       not null auto_increment primary key,
    account_id      bigint       not null,
    purpose         varchar(20)  not null,
    requested_at    datetime(6)  not null,
    next_attempt_at datetime(6)  not null,
    attempts        int          not null default 0,
    last_error      varchar(300) null,
    token_hash      char(64)     null,
    sent_at         datetime(6)  null,
    expires_at      datetime(6)  null,
    closed_at       datetime(6)  null,
    closed_reason   varchar(20)  null,
    constraint fk_staff_account_link_account foreign key (account_id) references staff_account (id),
    constraint uk_staff_account_link_token unique (token_hash),
    constraint ck_staff_account_link_purpose check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    constraint ck_staff_account_link_sent check (sent_at is null or (token_hash is not null and expires_at is not null))
);
create index ix_staff_account_link_due on staff_account_link (closed_at, sent_at, next_attempt_at);
create index ix_staff_account_link_account on staff_account_link (account_id, closed_at);
