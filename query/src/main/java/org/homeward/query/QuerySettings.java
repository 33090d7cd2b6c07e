package org.homeward.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read side's settings, {@code homeward.timeline.*} and {@code homeward.outcomes.*}; every key and its default
 * is in the application's {@code application.yml}, with what it is for.
 */
@ConfigurationProperties("homeward")
public record QuerySettings(Timeline timeline, Outcomes outcomes) {

    /** @param catchUpTimeout the longest a read with {@code minVersion} waits for the timeline to reach it */
    public record Timeline(Duration catchUpTimeout) {
    }

    /**
     * @param suppressionThreshold k: a figure resting on 1 to k-1 journeys is withheld
     * @param replicaUrl           a streaming replica's JDBC URL that outcome queries read on; empty: the primary
     */
    public record Outcomes(int suppressionThreshold, String replicaUrl) {
    }
}
