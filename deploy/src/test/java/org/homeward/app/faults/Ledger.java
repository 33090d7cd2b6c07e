package org.homeward.app.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * What the clients were told. Every request carries its own X-Request-Id, which the application keeps in the
 * metadata of every event it causes; so the store can be asked, request by request, whether an acknowledged
 * write is there exactly once and a refused one is not there at all. A request that got no answer (the process
 * died, the connection broke) may or may not have been recorded: it is counted, never judged.
 */
final class Ledger {

    /** A 2xx answer: the event the client now relies on. */
    record Ack(String requestId, String journeyId, long version, String milestoneId, long atNanos) {
    }

    static final String OUTCOME_UNKNOWN = "urn:homeward:problem:outcome-unknown";

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    /** request ids answered with a refusal (4xx or 5xx): nothing may be stored for them */
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    /** request ids of keyed retries: they must get the first answer and record nothing */
    private final ConcurrentLinkedQueue<String> retries = new ConcurrentLinkedQueue<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final AtomicInteger retryMismatches = new AtomicInteger();

    /**
     * status 0: no answer. An answer that says its outcome is unknown (the database went away during the commit)
     * is judged like no answer: it may or may not be stored, and said so.
     */
    void answered(int status, String problemType, String requestId) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status >= 400 && !OUTCOME_UNKNOWN.equals(problemType)) {
            refused.add(requestId);
        }
    }

    void acknowledged(Ack ack) {
        acks.add(ack);
    }

    /** requests sent to be refused: how many, and how many got another answer than their refusal */
    final AtomicInteger refusalsSent = new AtomicInteger();
    final AtomicInteger wrongRefusals = new AtomicInteger();
    final ConcurrentLinkedQueue<String> wrongRefusalExamples = new ConcurrentLinkedQueue<>();

    /**
     * A request Homeward must refuse with {@code expected}. An outage may answer 503 or nothing instead; any other
     * answer, a 2xx above all, is wrong.
     */
    void refusal(int expected, String what, Client.Answer answer) {
        refusalsSent.incrementAndGet();
        if (answer.status() != expected && answer.status() != 503 && answer.status() != 0) {
            wrongRefusals.incrementAndGet();
            if (wrongRefusalExamples.size() < 3) {
                wrongRefusalExamples.add(what + ": " + answer.status() + ", not " + expected);
            }
        }
    }

    /** examples of keyed retries that got another answer, as "201 -> 500" */
    final ConcurrentLinkedQueue<String> mismatchExamples = new ConcurrentLinkedQueue<>();

    void retried(String requestId, boolean sameAnswer, String how) {
        retries.add(requestId);
        if (!sameAnswer) {
            retryMismatches.incrementAndGet();
            if (mismatchExamples.size() < 3) {
                mismatchExamples.add(how);
            }
        }
    }

    long count(int status) {
        LongAdder n = statuses.get(status);
        return n == null ? 0 : n.sum();
    }

    long requests() {
        return statuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long count5xxOtherThan503() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                       .mapToLong(e -> e.getValue().sum()).sum();
    }

    int acknowledged() {
        return acks.size();
    }

    /** Status counts as "200=812 503=40 none=3". */
    String statusFigures() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, n) -> text.append(text.isEmpty() ? "" : " ")
                                                           .append(status == 0 ? "none" : status).append('=')
                                                           .append(n.sum()));
        return text.toString();
    }

    /** Milliseconds from {@code sinceNanos} to the first acknowledgement after it; -1 if none came. */
    long firstAckAfter(long sinceNanos) {
        return acks.stream().mapToLong(Ack::atNanos).filter(t -> t >= sinceNanos).min()
                   .stream().map(t -> (t - sinceNanos) / 1_000_000).findFirst().orElse(-1);
    }

    /** Writes acknowledged between the two instants of System.nanoTime(). */
    long acknowledgedBetween(long fromNanos, long toNanos) {
        return acks.stream().filter(a -> a.atNanos() >= fromNanos && a.atNanos() <= toNanos).count();
    }

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    /** The ledger against the store. */
    record Check(int lost, int duplicated, int storedForRefused, int wrongPlace, List<String> examples) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && storedForRefused == 0 && wrongPlace == 0;
        }

        String figures() {
            return "lost=" + lost + " duplicated=" + duplicated + " storedForRefused=" + storedForRefused
                   + " misplaced=" + wrongPlace;
        }
    }

    /**
     * The one command that appends several events: a withdrawal of the consent to share, followed in the same
     * append by the revocation of each open referral to that partner, on one journey, in consecutive versions.
     */
    private static boolean revokedWithTheWithdrawal(List<String[]> events) {
        List<String[]> inOrder = events.stream().sorted(Comparator.comparingLong(e -> Long.parseLong(e[1]))).toList();
        for (int i = 1; i < inOrder.size(); i++) {
            boolean next = inOrder.get(i)[0].equals(inOrder.get(0)[0])
                           && Long.parseLong(inOrder.get(i)[1]) == Long.parseLong(inOrder.get(0)[1]) + i;
            if (!next || !inOrder.get(i)[3].endsWith("ReferralRevoked")) {
                return false;
            }
        }
        return inOrder.get(0)[3].endsWith("ConsentWithdrawn");
    }

    Check check(DataSource database) throws Exception {
        // request id -> the events it caused, as "journey/sequence/milestoneId/payloadType"
        Map<String, List<String[]>> byRequest = new HashMap<>();
        Map<String, Integer> byMilestone = new HashMap<>();
        try (Connection c = database.getConnection();
             ResultSet rows = c.createStatement().executeQuery("""
                     select aggregate_identifier, sequence_number, payload_type,
                            convert_from(meta_data, 'UTF8')::json ->> 'requestId' as request_id,
                            convert_from(payload, 'UTF8')::json ->> 'milestoneId' as milestone_id
                     from domain_event_entry
                     """)) {
            while (rows.next()) {
                String milestone = rows.getString("milestone_id");
                String type = rows.getString("payload_type");
                byRequest.computeIfAbsent(String.valueOf(rows.getString("request_id")), r -> new ArrayList<>())
                         .add(new String[] {rows.getString("aggregate_identifier"),
                                            Long.toString(rows.getLong("sequence_number")), milestone, type});
                if (milestone != null && type.endsWith("MilestoneRecorded")) {
                    byMilestone.merge(milestone, 1, Integer::sum);
                }
            }
        }
        int lost = 0;
        int duplicated = 0;
        int misplaced = 0;
        List<String> examples = new ArrayList<>();
        for (Ack ack : acks) {
            List<String[]> events = byRequest.getOrDefault(ack.requestId(), List.of());
            if (events.isEmpty()) {
                lost++;
                example(examples, "lost: request " + ack.requestId() + " journey " + ack.journeyId() + " v"
                                  + ack.version());
            } else if (events.size() > 1 && !revokedWithTheWithdrawal(events)) {
                duplicated++;
                example(examples, "request " + ack.requestId() + " stored " + events.size() + " times");
            } else {
                // the last of its events is the version answered
                String[] event = events.stream().max(Comparator.comparingLong(e -> Long.parseLong(e[1]))).get();
                boolean right = event[0].equals(ack.journeyId()) && Long.parseLong(event[1]) == ack.version()
                                && (ack.milestoneId() == null || ack.milestoneId().equals(event[2]));
                if (!right) {
                    misplaced++;
                    example(examples, "request " + ack.requestId() + " answered " + ack.journeyId() + " v"
                                      + ack.version() + " but stored at " + event[0] + " v" + event[1]);
                }
            }
        }
        for (Map.Entry<String, Integer> milestone : byMilestone.entrySet()) {
            if (milestone.getValue() > 1) {
                duplicated++;
                example(examples, "milestone " + milestone.getKey() + " recorded " + milestone.getValue() + " times");
            }
        }
        int storedForRefused = 0;
        Set<String> mustBeAbsent = new HashSet<>(refused);
        mustBeAbsent.addAll(retries);
        for (String requestId : mustBeAbsent) {
            if (byRequest.containsKey(requestId)) {
                storedForRefused++;
                example(examples, "refused or retried request " + requestId + " stored an event");
            }
        }
        return new Check(lost, duplicated, storedForRefused, misplaced, examples);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }
}
