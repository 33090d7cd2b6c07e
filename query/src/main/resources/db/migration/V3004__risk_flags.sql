-- Risk flags (issue 16): every flag of a journey on its timeline (query/timeline), and on the caseload the open
-- ones, so that flagged journeys come first, the earliest review first (query/caseload). The detail and the
-- resolution's reason are sealed under the person's key. No journey had a flag before, so nothing is rebuilt.
create table timeline_risk_flag (
    journey_id        uuid not null,
    flag_id           uuid not null,
    kind              text not null,
    flagged_on        date not null,
    review_on         date not null,
    detail            text,
    resolved_on       date,
    resolution_reason text,
    primary key (journey_id, flag_id)
);

-- open flags only: a resolved one is deleted
create table caseload_risk_flag (
    journey_id uuid not null,
    flag_id    uuid not null,
    review_on  date not null,
    primary key (journey_id, flag_id)
);

alter table caseload_journey
    add column open_risk_flags     int  not null default 0,
    add column next_risk_review_on date;

-- One case manager's page in urgency order: flagged journeys first, the earliest review first (an overdue review
-- is earliest), then by follow-up as before.
drop index caseload_journey_urgency;
create index caseload_journey_urgency
    on caseload_journey (case_manager_id, (open_risk_flags = 0), next_risk_review_on, next_follow_up_due_on,
                         intake_date, journey_id)
    where not closed;
