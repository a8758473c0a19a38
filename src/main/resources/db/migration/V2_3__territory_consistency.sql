-- Territory: the database, not only the services, keeps every record inside one structure; conventions can be
-- deactivated.
--
-- Each child row carries its structure_id and a composite foreign key (child_id, structure_id) → parent (id,
-- structure_id): a place cannot sit in a commune of another structure, an advisor cannot work at another
-- structure's place, a convention cannot share hours with another structure's commune, a staff account cannot
-- stand for another structure's advisor. No trigger: plain keys that every MariaDB version enforces.

-- A convention that no longer applies is kept (reporting reads past years) but switched off.
alter table convention add column active boolean not null default true;

-- The targets of the composite keys.
alter table commune add constraint uk_commune_structure unique (id, structure_id);
alter table place add constraint uk_place_structure unique (id, structure_id);
alter table advisor add constraint uk_advisor_structure unique (id, structure_id);
alter table convention add constraint uk_convention_structure unique (id, structure_id);

-- A place's commune belongs to the place's structure.
alter table place
    add constraint fk_place_commune_structure foreign key (commune_id, structure_id) references commune (id, structure_id);

-- A convention's host commune belongs to the convention's structure.
alter table convention
    add constraint fk_convention_host_structure foreign key (host_commune_id, structure_id) references commune (id, structure_id);

-- Where an advisor works: advisor and place of the same structure. The services always checked it, so no row
-- should be dropped here; one that broke the rule could not be kept under the new key.
alter table advisor_place add column structure_id bigint null;
update advisor_place ap join advisor a on a.id = ap.advisor_id set ap.structure_id = a.structure_id;
delete ap from advisor_place ap join place p on p.id = ap.place_id where p.structure_id <> ap.structure_id;
alter table advisor_place
    modify structure_id bigint not null,
    add constraint fk_advisor_place_advisor_structure foreign key (advisor_id, structure_id)
        references advisor (id, structure_id) on delete cascade,
    add constraint fk_advisor_place_place_structure foreign key (place_id, structure_id)
        references place (id, structure_id);

-- Hours of a convention: communes of the convention's structure (checked by the services until now).
alter table convention_share add column structure_id bigint null;
update convention_share cs join convention c on c.id = cs.convention_id set cs.structure_id = c.structure_id;
alter table convention_share
    modify structure_id bigint not null,
    add constraint fk_convention_share_convention_structure foreign key (convention_id, structure_id)
        references convention (id, structure_id) on delete cascade,
    add constraint fk_convention_share_commune_structure foreign key (commune_id, structure_id)
        references commune (id, structure_id);

-- A kiosk screen stands in a place of its structure.
alter table kiosk_device
    add constraint fk_kiosk_device_place_structure foreign key (place_id, structure_id) references place (id, structure_id);

-- A staff account stands for an advisor of its own structure (the account screen only offered those, the
-- service did not check): a link that broke the rule is removed, the account itself is kept.
update staff_account s join advisor a on a.id = s.advisor_id
set s.advisor_id = null
where s.structure_id is null or s.structure_id <> a.structure_id;
alter table staff_account
    add constraint ck_staff_account_advisor_structure check (advisor_id is null or structure_id is not null),
    add constraint fk_staff_account_advisor_structure foreign key (advisor_id, structure_id)
        references advisor (id, structure_id);
