-- A reader's purpose is a code from a fixed list (ReadPurpose). Purposes written as free text before may name a
-- person, and nothing would ever purge them: they are dropped.
update audit_read set purpose = null
where purpose not in ('CASE_WORK', 'SUPERVISION', 'REFERRAL', 'FOLLOW_UP', 'PERSON_REQUEST', 'LEGAL_REQUEST',
                      'AUDIT', 'OTHER');
