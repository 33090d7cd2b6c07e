package org.homeward.app.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent writers recording milestones (one request in ten raising or resolving a risk flag, and one in ten a
 * step of a referral: consent to share given or withdrawn, a referral made, the partner accepting) on a shared set
 * of journeys, bounded in count and time, every answer written to the ledger. Half the writes carry an
 * Idempotency-Key and are sent a second time after their answer: the retry must get the same answer and record
 * nothing. Writers pick among the ports they are given, which a
 * scenario changes when it restarts a process.
 */
final class Load {

    static final String ORGANISATION = "org-faults";
    /** another organisation: its journey is not the load's to write to */
    static final String ELSEWHERE = "org-elsewhere";
    /** one request in this many is one Homeward must refuse */
    private static final int REFUSED_EVERY = 10;
    /** one request in this many raises or resolves a risk flag */
    private static final int RISK_FLAG_EVERY = 10;
    /** one request in this many is a step of a referral to {@link #ELSEWHERE} */
    private static final int REFERRAL_EVERY = 10;
    static final String CASE_MANAGER = "cm-faults";
    static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);
    private static final String[] TYPES = {"SUPPORT_GROUP_JOINED", "COUNSELLING_STARTED", "MEDICAL_CHECKUP_DONE",
                                           "SHELTER_ENTERED", "HOUSING_SECURED", "LEGAL_COUNSEL_ASSIGNED"};

    private final Client client;
    private final Client elsewhere;
    private final Ledger ledger;
    private volatile List<Integer> ports;
    private final List<String> journeys = Collections.synchronizedList(new ArrayList<>());
    /** journey and flag id of the flags raised and not yet resolved */
    private final java.util.Queue<String[]> openFlags = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** referrals made and not yet answered by the partner */
    private final java.util.Queue<String> madeReferrals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean stopped;
    private final List<Thread> writers = new ArrayList<>();
    private String foreignJourney;
    /** a journey with an acknowledged milestone, so that version 0 is stale there */
    private volatile String written;

    Load(Client client, Client elsewhere, Ledger ledger, List<Integer> ports) {
        this.client = client;
        this.elsewhere = elsewhere;
        this.ledger = ledger;
        this.ports = ports;
    }

    void ports(List<Integer> ports) {
        this.ports = ports;
    }

    /** Writes to journeys another load opened. */
    void adopt(List<String> opened) {
        journeys.addAll(opened);
    }

    List<String> journeys() {
        return new ArrayList<>(journeys);
    }

    static String intake() {
        return intake(ORGANISATION);
    }

    static String intake(String organisation) {
        return """
               {"organisationId": "%s", "caseManagerId": "%s", "intakeDate": "%s",
                "profile": {"ageBand": "FROM_18_TO_24", "gender": "FEMALE", "nationality": "MD",
                            "formOfExploitation": "SEXUAL"},
                "consentGiven": ["CASE_MANAGEMENT", "PROGRAM_EVALUATION"]}
               """.formatted(organisation, CASE_MANAGER, INTAKE);
    }

    static String milestone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"type\": \"%s\", \"occurredOn\": \"%s\"}".formatted(TYPES[random.nextInt(TYPES.length)],
                                                                     INTAKE.plusDays(random.nextInt(300)));
    }

    /** Opens journeys with the given number of threads, each open a ledger entry like any write. */
    void open(int count, int threads) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> openers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            openers.add(started("opener-" + t, () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    Client.Answer answer = write("/api/v1/journeys", intake(), null, null);
                    if (!answer.ok()) {
                        left.incrementAndGet();     // try another one, within the deadline
                    }
                }
            }));
        }
        for (Thread opener : openers) {
            opener.join();
        }
    }

    /** Starts writers that stop after {@code requests} writes in all, after {@code duration}, or on stop(). */
    void start(int threads, int requests, Duration duration) {
        sent.set(0);
        stopped = false;
        long deadline = System.nanoTime() + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            writers.add(started("writer-" + t, () -> {
                int n;
                while (!stopped && (n = sent.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    if (n % REFUSED_EVERY == REFUSED_EVERY - 1) {
                        refused(n / REFUSED_EVERY);
                        continue;
                    }
                    String journey = journeys.get(ThreadLocalRandom.current().nextInt(journeys.size()));
                    String key = ThreadLocalRandom.current().nextBoolean() ? UUID.randomUUID().toString() : null;
                    Client.Answer answer = n % RISK_FLAG_EVERY == RISK_FLAG_EVERY / 2 ? riskFlag(journey, key)
                            : n % REFERRAL_EVERY == 2 ? referralStep(journey, key)
                            : write("/api/v1/journeys/" + journey + "/milestones", milestone(), key, journey);
                    if (answer.status() == 0 || answer.status() == 503) {
                        pause(250);                 // the service is down: do not spin
                    }
                }
            }));
        }
    }

    /**
     * A risk flag raised on the journey, or one raised earlier resolved: every projection's tables then hold flags
     * to converge on, open and resolved.
     */
    private Client.Answer riskFlag(String journey, String key) {
        String[] open = openFlags.poll();
        if (open != null && ThreadLocalRandom.current().nextBoolean()) {
            return write("/api/v1/journeys/" + open[0] + "/risk-flags/" + open[1] + "/resolution",
                         "{\"resolvedOn\": \"%s\", \"reason\": \"synthetic reason\"}".formatted(INTAKE.plusDays(3)),
                         key, open[0]);
        }
        if (open != null) {
            openFlags.add(open);
        }
        Client.Answer answer = write("/api/v1/journeys/" + journey + "/risk-flags",
                                     "{\"kind\": \"SAFETY_RISK\", \"flaggedOn\": \"%s\", \"reviewOn\": \"%s\"}"
                                             .formatted(INTAKE.plusDays(2), INTAKE.plusDays(30)),
                                     key, journey);
        if (answer.ok()) {
            openFlags.add(new String[] {journey, answer.field("flagId")});
        }
        return answer;
    }

    /**
     * One step of a referral to the other organisation, at random: the consent to share given or withdrawn (which
     * revokes the open referrals in the same append), a referral made (refused without the consent: nothing may be
     * stored), or the partner's staff accepting one (refused once revoked). The partner's answer names no journey
     * and no version, so it is judged by its status alone; its events converge with every projection.
     */
    private Client.Answer referralStep(String journey, String key) {
        String sharing = "{\"purpose\": \"SHARING_WITH_PARTNER\", \"partnerOrganisationId\": \"%s\","
                         .formatted(ELSEWHERE) + " \"decidedOn\": \"%s\"".formatted(INTAKE.plusDays(1));
        return switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> write("/api/v1/journeys/" + journey + "/consents", sharing + ", \"sharedDetails\": [\"PHONE\"]}",
                            key, journey);
            case 1 -> write("/api/v1/journeys/" + journey + "/consent-withdrawals", sharing + "}", key, journey);
            case 2 -> {
                Client.Answer made = write("/api/v1/journeys/" + journey + "/referrals", """
                        {"partnerOrganisationId": "%s", "service": "LEGAL_AID", "madeOn": "%s", "dueOn": "%s"}
                        """.formatted(ELSEWHERE, INTAKE.plusDays(2), INTAKE.plusDays(20)), key, journey);
                if (made.ok()) {
                    madeReferrals.add(made.field("referralId"));
                }
                yield made;
            }
            default -> {
                String referral = madeReferrals.poll();
                if (referral == null) {
                    yield write("/api/v1/journeys/" + journey + "/milestones", milestone(), key, journey);
                }
                Client.Answer accepted = elsewhere.post(port(), "/api/v1/referrals/" + referral + "/acceptance",
                                                        "{\"acceptedOn\": \"%s\"}".formatted(INTAKE.plusDays(3)),
                                                        Map.of());
                ledger.answered(accepted.status(), accepted.field("type"), accepted.requestId());
                yield accepted;
            }
        };
    }

    /**
     * One request of the {@code n}th kind that Homeward must refuse before it sends a command, so that nothing may
     * be stored for it; the ledger checks the answer.
     */
    void refused(int n) {
        String journey = journeys.get(ThreadLocalRandom.current().nextInt(journeys.size()));
        String stale = written;
        int port = port();
        switch (n % 4) {
            case 0 -> {
                String path = "/api/v1/journeys/" + foreignJourney(port) + "/milestones";
                refused(404, "a milestone on another organisation's journey", client.post(port, path, milestone(),
                                                                                          Map.of()));
            }
            case 1 -> refused(400, "a milestone without its date",
                              client.post(port, "/api/v1/journeys/" + journey + "/milestones",
                                          "{\"type\": \"SHELTER_ENTERED\"}", Map.of()));
            case 2 -> refused(406, "a milestone asking for XML",
                              client.post(port, "/api/v1/journeys/" + journey + "/milestones", milestone(),
                                          Map.of("Accept", "application/xml")));
            default -> {
                if (stale != null) {
                    refused(412, "a milestone with a stale If-Match",
                            client.post(port, "/api/v1/journeys/" + stale + "/milestones", milestone(),
                                        Map.of("If-Match", "\"0\"")));
                }
            }
        }
    }

    private void refused(int status, String what, Client.Answer answer) {
        ledger.answered(answer.status(), answer.field("type"), answer.requestId());
        ledger.refusal(status, what, answer);
    }

    /** The journey of another organisation, opened by its own supervisor on first use. */
    private synchronized String foreignJourney(int port) {
        while (foreignJourney == null && !stopped) {
            Client.Answer opened = elsewhere.post(port, "/api/v1/journeys", intake(ELSEWHERE), Map.of());
            ledger.answered(opened.status(), opened.field("type"), opened.requestId());
            if (opened.ok()) {
                foreignJourney = opened.field("journeyId");
                ledger.acknowledged(new Ledger.Ack(opened.requestId(), foreignJourney,
                                                   Long.parseLong(opened.field("version")), null, System.nanoTime()));
            } else {
                pause(250);
                port = port();
            }
        }
        return foreignJourney;
    }

    private int port() {
        List<Integer> targets = ports;
        return targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
    }

    /** Waits for the writers to end by themselves. */
    void await() throws InterruptedException {
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(180).toMillis());
        }
    }

    void stop() throws InterruptedException {
        stopped = true;
        await();
    }

    /**
     * One write, in the ledger; a keyed one is sent again after a 2xx answer. Answers a 2xx or the last
     * refusal.
     */
    Client.Answer write(String path, String body, String key, String journey) {
        return writeTo(port(), path, body, key, journey, Map.of());
    }

    /** One write to the given process, with extra headers such as If-Match. */
    Client.Answer writeTo(int port, String path, String body, String key, String journey, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(extra);
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        Client.Answer answer = client.post(port, path, body, headers);
        ledger.answered(answer.status(), answer.field("type"), answer.requestId());
        if (answer.ok()) {
            String journeyId = journey != null ? journey : answer.field("journeyId");
            if (journey == null) {
                journeys.add(journeyId);
            }
            ledger.acknowledged(new Ledger.Ack(answer.requestId(), journeyId, Long.parseLong(answer.field("version")),
                                               answer.field("milestoneId"), System.nanoTime()));
            if (answer.field("milestoneId") != null) {
                written = journeyId;
            }
            if (key != null) {
                Client.Answer retry = client.post(port, path, body, headers);
                ledger.answered(retry.status(), retry.field("type"), retry.requestId());
                // an outage may refuse the retry itself; any other answer must be the first one again
                if (retry.status() != 0 && retry.status() != 503) {
                    ledger.retried(retry.requestId(), retry.status() == answer.status()
                                                      && retry.body().equals(answer.body()),
                                   answer.status() + " -> " + retry.status());
                }
            }
        }
        return answer;
    }

    /** A started daemon thread: a stuck one cannot keep the suite's JVM alive. */
    static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
