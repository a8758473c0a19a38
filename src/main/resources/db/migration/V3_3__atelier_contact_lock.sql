-- One row per contact (SHA-256 of the email key or the phone), locked while a registration checks the cap of
-- upcoming registrations per contact. Registrations for different sessions lock different session rows, so
-- without this row two simultaneous registrations of the same person could both pass the cap.
create table atelier_contact_lock (
    contact_hash char(64) not null primary key
) engine = InnoDB;
