-- People who sign in to the web app in local mode (no identity provider). The user id is the same pseudonymous
-- code the API's tokens carry; no name, e-mail or phone is kept. The password is kept only as an Argon2id hash.
create table person_account (
    user_id          text primary key,
    role             text        not null,
    organisation_id  text        not null,
    password_hash    text        not null,
    -- failed sign-ins since the last success; at five the account is locked for a while
    failed_sign_ins  integer     not null default 0,
    locked_until     timestamptz,
    -- an optional second factor: the TOTP secret sealed (AES-GCM) under second-factor.key beside the master key,
    -- never in the clear; and the last time step a code was accepted for, so that no code is accepted twice
    totp_secret      bytea,
    totp_last_step   bigint,
    created_at       timestamptz not null,
    created_by       text        not null,
    disabled_at      timestamptz
);
