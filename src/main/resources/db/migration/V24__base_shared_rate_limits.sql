-- Rate limits and the per-address sign-in brake, shared by every application node (bucket4j's JDBC backend for
-- MySQL/MariaDB, rows locked with SELECT … FOR UPDATE): a second node no longer doubles the allowance. The id is the
-- purpose, the allowance and the SHA-256 of the address or kiosk, never the address itself. expires_at (epoch
-- milliseconds) lets a job delete buckets that are full again.
create table rate_limit_bucket (
    id         varchar(120) not null primary key,
    state      blob         null,
    expires_at bigint       null
);
create index ix_rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- Residents' requests for a place refused by a limit: the staff home says how many in the last 24 hours, whichever
-- node refused them. No address either.
create table rate_limit_refusal (
    id         bigint      not null auto_increment primary key,
    refused_at datetime(6) not null,
    purpose    varchar(60) not null
);
create index ix_rate_limit_refusal_at on rate_limit_refusal (refused_at);
