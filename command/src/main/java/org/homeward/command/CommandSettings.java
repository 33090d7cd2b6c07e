package org.homeward.command;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command side's settings, {@code homeward.commands.*}, {@code homeward.idempotency.*} and
 * {@code homeward.duplicates.*}; every key and its default is in the application's {@code application.yml}, with
 * what it is for.
 */
@ConfigurationProperties("homeward")
public record CommandSettings(Commands commands, Idempotency idempotency, Duplicates duplicates) {

    /**
     * @param concurrentAppendRetries how often a command that lost the race to append to its journey is decided
     *                                again on the journey as it now is
     * @param journeyCache            keep journeys in memory between commands (checked against the event store's
     *                                head before deciding, so right with any number of processes)
     */
    public record Commands(int concurrentAppendRetries, boolean journeyCache) {
    }

    /**
     * @param keepFor       how long a retry with the same Idempotency-Key gets the first answer
     * @param purgeInterval how often fingerprints older than that are deleted
     */
    public record Idempotency(Duration keepFor, Duration purgeInterval) {
    }

    /**
     * @param acrossOrganisations the organisations that warn of possible duplicates in each other: a match across
     *                            two of them is said to each side's supervisors, with nothing of the other side
     */
    public record Duplicates(Set<String> acrossOrganisations) {
    }
}
