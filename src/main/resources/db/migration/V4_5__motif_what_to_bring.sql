-- What a person should bring to an appointment for this motif (identity papers, their device, passwords...),
-- told in the confirmation and reminder mails. One item per line.
alter table appointment_motif add column what_to_bring varchar(500) null;
