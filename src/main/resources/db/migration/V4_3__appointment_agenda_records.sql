-- Where each activity of the advisor's shared schedule happens, so agendas can say where the advisor is
-- (appointments and atelier sessions pass their place when they claim the time; absences have none).
alter table advisor_busy_period add column place_id bigint null;
alter table advisor_busy_period add constraint fk_advisor_busy_period_place foreign key (place_id) references place (id);
-- Periods claimed before: their place is that of the activity. A one-off backfill; the modules pass the place
-- through AdvisorSchedule from now on and never read each other's tables.
update advisor_busy_period b join appointment a on b.owner_kind = 'APPOINTMENT' and a.id = b.owner_id
set b.place_id = a.place_id;
update advisor_busy_period b join atelier_session s on b.owner_kind = 'ATELIER_SESSION' and s.id = b.owner_id
set b.place_id = s.place_id;

-- Activity record (CRA): the commune where the help happened when there is no place (at home, remote, other),
-- and the person's commune of residence (optional, "non communiqué" when null).
alter table activity_record add column commune_id bigint null after place_id;
alter table activity_record add column residence_commune_id bigint null after occupation;
alter table activity_record add constraint fk_activity_record_commune foreign key (commune_id) references commune (id);
alter table activity_record add constraint fk_activity_record_residence
    foreign key (residence_commune_id) references commune (id);
-- Records made before "lieu d'activité" required a place: help away from a place keeps its commune and loses
-- the place; help "at a place" with no place named becomes "autre" (we invent no place).
update activity_record r join place p on p.id = r.place_id
set r.commune_id = p.commune_id, r.place_id = null
where r.location <> 'LIEU_ACTIVITE';
update activity_record set location = 'AUTRE' where location = 'LIEU_ACTIVITE' and place_id is null;
alter table activity_record add constraint ck_activity_record_place
    check ((location = 'LIEU_ACTIVITE') = (place_id is not null));
alter table activity_record add constraint ck_activity_record_place_or_commune
    check (place_id is null or commune_id is null);

-- When a contact lock was last used: the nightly anonymisation deletes the (hashed) contacts nobody used
-- within the retention period.
alter table appointment_contact_lock add column last_used_at datetime(6) not null default (utc_timestamp(6));
create index ix_appointment_contact_lock_used on appointment_contact_lock (last_used_at);
