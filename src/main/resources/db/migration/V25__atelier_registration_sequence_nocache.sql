-- A Galera node refuses a sequence with a cache (ADR 021). Hibernate takes registration ids 50 at a time, so without
-- a cache the sequence's row is written once per 50 registrations. A cluster bootstrapped from a server that has run
-- this can allocate ids; a fresh install directly on Galera still stops at V3_1, which created the sequence cached.
alter sequence atelier_registration_seq nocache;
