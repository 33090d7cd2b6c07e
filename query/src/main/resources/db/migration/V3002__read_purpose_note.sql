-- A reader may add a note to the purpose code. It may name the person, so it is kept only sealed under the
-- person's key (unreadable once that key is destroyed) and set to null on erasure.
alter table audit_read add column purpose_note text;
