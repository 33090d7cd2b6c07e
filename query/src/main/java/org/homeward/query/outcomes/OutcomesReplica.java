package org.homeward.query.outcomes;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where outcome queries read when not from the primary: a streaming replica, provided by the deployment
 * ({@code homeward.outcomes.replica-url}). Outcomes tolerate the replica's moment of delay, and they are the
 * heaviest reads there are (an aggregate over every journey), so they are the reads worth moving off the primary.
 */
public record OutcomesReplica(JdbcTemplate jdbc) {
}
