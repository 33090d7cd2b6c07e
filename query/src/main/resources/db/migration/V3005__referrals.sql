-- Referrals (issue 16), kept by the timeline projection (query/timeline): every referral of a journey on its
-- timeline, and the contact details each consent to share names. A partner's own list (query/referrals) reads
-- the same rows, narrowed to what the referral shares. The note and the override's note are sealed under the
-- person's key. No journey had a referral before, and every consent stored before named no contact detail (the
-- upcaster of ConsentGiven says the same), so nothing is rebuilt.
create table timeline_referral (
    journey_id              uuid not null,
    referral_id             uuid not null,
    -- the journey's organisation when it referred; a later transfer does not change who referred
    referring_organisation_id text not null,
    partner_organisation_id text not null,
    service                 text not null,
    made_on                 date not null,
    due_on                  date not null,
    note                    text,
    override_reason         text,
    override_note           text,
    state                   text not null,
    accepted_on             date,
    started_on              date,
    -- the day it was declined, completed, closed unmet or revoked
    ended_on                date,
    -- the decline or unmet reason, the outcome, or the revocation's cause: a code, never free text
    ended_because           text,
    primary key (journey_id, referral_id)
);

-- a partner's list: its referrals, the latest first
create index timeline_referral_partner on timeline_referral (partner_organisation_id, made_on desc, referral_id);
create unique index timeline_referral_id on timeline_referral (referral_id);

alter table timeline_consent add column shared_details text[] not null default '{}';

-- referrals received from outside: where the journey, or a part of it, came from
create table timeline_referral_received (
    journey_id           uuid not null,
    version              bigint not null,
    received_on          date not null,
    source               text not null,
    referral_id          uuid,
    from_organisation_id text,
    primary key (journey_id, version)
);
