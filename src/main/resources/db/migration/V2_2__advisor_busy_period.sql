-- One row per claimed activity, beside its five-minute blocks: the blocks refuse overlaps (primary key),
-- the periods answer "what is the advisor doing between A and B" with a handful of rows instead of
-- thousands of blocks (see ADR 004).
create table advisor_busy_period (
    id         bigint       not null auto_increment primary key,
    advisor_id bigint       not null,
    owner_kind varchar(30)  not null,
    owner_id   bigint       not null,
    start_at   datetime     not null,
    end_at     datetime     not null,
    label      varchar(255) not null,
    constraint fk_advisor_busy_period_advisor foreign key (advisor_id) references advisor (id),
    constraint ck_advisor_busy_period_order check (end_at > start_at)
) engine = InnoDB;
create index ix_advisor_busy_period_end on advisor_busy_period (advisor_id, end_at, start_at);
create index ix_advisor_busy_period_owner on advisor_busy_period (owner_kind, owner_id);

-- Periods of activities claimed before this table existed.
insert into advisor_busy_period (advisor_id, owner_kind, owner_id, start_at, end_at, label)
select advisor_id, owner_kind, owner_id, min(block_start), max(block_start) + interval 5 minute, min(label)
from advisor_time_block
group by advisor_id, owner_kind, owner_id;
