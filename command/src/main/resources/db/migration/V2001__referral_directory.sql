-- Command side (command/journey): to which partner each referral was made and on which journey, so that a
-- partner's step, addressed by referral, reaches the journey without the partner ever being told its id. Kept in
-- the commands' own transaction, like journey_directory.
create table referral_directory (
    referral_id             uuid primary key,
    journey_id              uuid not null,
    partner_organisation_id text not null
);
