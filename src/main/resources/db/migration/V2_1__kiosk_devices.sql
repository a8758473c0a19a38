-- Touch screens enrolled for a place (the kiosk module reads them; it has no tables of its own).
create table kiosk_device (
    id           bigint      not null auto_increment primary key,
    version      bigint      not null default 0,
    structure_id bigint      not null,
    place_id     bigint      not null,
    label        varchar(80) not null,
    token_hash   varchar(64) not null,
    created_at   datetime(6) not null,
    activated_at datetime(6) null,
    revoked_at   datetime(6) null,
    last_seen_at datetime(6) null,
    constraint uk_kiosk_device_token unique (token_hash),
    constraint fk_kiosk_device_structure foreign key (structure_id) references structure (id),
    constraint fk_kiosk_device_place foreign key (place_id) references place (id)
) engine = InnoDB;
