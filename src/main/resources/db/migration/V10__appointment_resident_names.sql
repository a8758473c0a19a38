-- Module appointment. An appointment keeps the resident's given and family names apart, as registrations always
-- did and as the national activity tool records them. person_name stays the name staff, mails and agendas read
-- (given and family name, joined); appointments booked before this version have only it.
alter table appointment
    modify person_name varchar(161) not null,
    add column given_name varchar(80) null after person_name,
    add column family_name varchar(80) null after given_name,
    add constraint ck_appointment_names check (
        given_name is null and family_name is null
        or given_name is not null and family_name is not null and person_name = concat(given_name, ' ', family_name));
