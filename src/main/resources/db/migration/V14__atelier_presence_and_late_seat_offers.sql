-- « Je viens / je ne pourrai pas venir » and late seats.
-- A person with a seat may say they are coming (presence_confirmed_at). A seat freed shortly before a session is
-- offered to the first person waiting, who holds it until offer_expires_at: they stay WAITING (first in line) and
-- the session counts the seat in offered_seats, so confirmed + offered never exceed the capacity.
alter table atelier_session
    add column offered_seats int not null default 0 after waiting_count,
    add constraint ck_atelier_session_offers check (offered_seats >= 0 and confirmed_seats + offered_seats <= capacity);

alter table atelier_registration
    add column presence_confirmed_at datetime(6) null after attendance_marked_at,
    add column offered_at datetime(6) null after presence_confirmed_at,
    add column offer_expires_at datetime(6) null after offered_at,
    add constraint ck_atelier_registration_offer check (offer_expires_at is null
        or (status = 'WAITING' and offered_at is not null and offer_expires_at > offered_at)),
    add constraint ck_atelier_registration_presence check (presence_confirmed_at is null or status = 'CONFIRMED');

-- The expiry job finds lapsed offers without scanning registrations.
create index ix_atelier_registration_offer on atelier_registration (offer_expires_at);

-- An appointment's « Je viens » (kept after it took place: it says the person had confirmed).
alter table appointment
    add column presence_confirmed_at datetime(6) null;
