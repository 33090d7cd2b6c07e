-- Command side (command/journey): to which partner each referral was made, by which organisation, on which
-- journey and where it stands, so that a partner's step, addressed by referral, reaches the journey without the
-- partner ever being told its id, and a journey opened from a referral names who made it. Kept in the commands'
-- own transaction, like journey_directory.
create table referral_directory (
    referral_id               uuid primary key,
    journey_id                uuid not null,
    referring_organisation_id text not null,
    partner_organisation_id   text not null,
    state                     text not null,
    -- the partner's journey that received it, once one did
    received_by_journey_id    uuid
);
