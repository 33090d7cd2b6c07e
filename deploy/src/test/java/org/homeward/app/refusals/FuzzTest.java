package org.homeward.app.refusals;

import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.access.LocalSigningKey;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded, seeded fuzz of every endpoint the application maps: each request is built from its own seed (the run's
 * seed and its number), so a failure names the request that reproduces it. Every answer must be below 500, every
 * refusal problem+json with type, status and detail, no answer may carry a marker the request submitted, and no
 * refused request may store an event (docs/refusals.md). Run with -Dfuzz.seed=... -Dfuzz.requests=... to vary it.
 */
class FuzzTest extends HttpTest {

    private static final long SEED = Long.getLong("fuzz.seed", 0x48_6F_6D_65L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final int THREADS = 4;
    /** Every marker starts so; none ever belongs in a refusal. Markers end in K so ZQXJ1K is not found in ZQXJ12K. */
    private static final String MARK = "ZQXJ";
    private static final Pattern TAGGED = Pattern.compile("\"requestId\"\\s*:\\s*\"(fz-\\d+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Request parameters whose names a {@code Map} parameter does not declare (outcomes). */
    private static final List<String> UNDECLARED_PARAMETERS = List.of("program", "organisation", "cohort", "from",
                                                                      "to", "groupBy");
    private static final Map<String, String> GOOD_TEXT = Map.ofEntries(
            Map.entry("organisationId", "org-test"), Map.entry("caseManagerId", "cm-test"),
            Map.entry("assessorId", "cm-test"), Map.entry("partnerOrganisationId", "org-partner"),
            Map.entry("nationality", "MD"), Map.entry("actorId", "cm-test"), Map.entry("order", "oldest"),
            Map.entry("organisation", "org-test"), Map.entry("hash", "ab".repeat(32)),
            Map.entry("email", "someone@example.invalid"), Map.entry("phone", "+000 000"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** Real ids of org-test for path variables, by variable name. */
    private final Map<String, List<String>> real = new TreeMap<>();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<String, Type> parameterTypes = new TreeMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Set<Integer> refusedTags = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** Requests without a request id of ours run alone, with the store counted before and after. */
    private final ReadWriteLock alone = new ReentrantReadWriteLock();
    private final AtomicLong unanswered = new AtomicLong();
    private String expiredToken;
    private String otherOrganisationToken;

    /**
     * @param page one of the web app's pages, for browsers: its refusals are HTML pages, and forms keep what was
     *             typed
     */
    record Endpoint(String method, String pattern, List<String> variables, Type body, Map<String, Type> parameters,
                    Set<Role> roles, boolean page) {

        String name() {
            return method + " " + pattern;
        }
    }

    record Answer(int status, String head, String body) {

        String header(String name) {
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT)
                                                   .startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                       .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    static final class Failure {
        final AtomicInteger count = new AtomicInteger();
        volatile String sample;
    }

    @Test
    void noInputGetsAServerErrorAnUnexplainedRefusalAnEchoOrAStoredEvent() throws Exception {
        prepareRealIds();
        for (Role role : Role.values()) {
            tokens.put(role, TestUsers.token(role, role == Role.CASE_MANAGER ? "cm-test"
                                                   : "staff-" + role.name().toLowerCase(Locale.ROOT),
                                             SyntheticJourneys.ORGANISATION));
        }
        expiredToken = LocalSigningKey.loadOrCreate(TestUsers.KEY_FILE)
                                      .issue(new Caller("sv-test", Role.SUPERVISOR, "org-test"),
                                             Duration.ofMinutes(-10));
        otherOrganisationToken = TestUsers.token(Role.SUPERVISOR, "sv-elsewhere", "org-elsewhere");
        List<Endpoint> endpoints = endpoints();
        if (endpoints.size() < 30) {
            throw new AssertionError("only " + endpoints.size() + " endpoints found: " + endpoints);
        }

        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < REQUESTS; n = next.getAndIncrement()) {
                    try {
                        fuzz(n, endpoints);
                    } catch (RuntimeException | Error e) {
                        fail("the test itself failed", "-", 0, n, e.toString());
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            clients.shutdownNow();
            throw new AssertionError("the fuzz did not finish within 5 minutes; seed " + SEED);
        }
        checkNoRefusedRequestStoredAnEvent();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FuzzTest: %d requests over %d endpoints in %d s, seed %d; statuses %s; %d large bodies "
                          + "closed before answered%n", REQUESTS, endpoints.size(), took.toSeconds(), SEED,
                          new TreeMap<>(statuses), unanswered.get());
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder("Fuzzing with seed " + SEED + " found " + failures.size()
                                                     + " kinds of failure:\n");
            new TreeMap<>(failures).forEach((kind, failure) -> report.append("- ").append(kind).append(" (")
                    .append(failure.count.get()).append("x), e.g. ").append(failure.sample).append('\n'));
            throw new AssertionError(report.toString());
        }
    }

    /** One journey with a milestone and a follow-up, another journey, and a program, all of org-test. */
    private void prepareRealIds() {
        List<String> journeys = new ArrayList<>();
        List<String> milestones = new ArrayList<>();
        List<String> followUps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String journey = openJourney(intake());
            journeys.add(journey);
            milestones.add(api.post("/api/v1/journeys/" + journey + "/milestones",
                                    milestone("SHELTER_ENTERED", INTAKE.plusDays(3), "synthetic note"))
                              .text("milestoneId"));
            followUps.add(api.post("/api/v1/journeys/" + journey + "/follow-ups",
                                   Map.of("dueOn", INTAKE.plusDays(30).toString(), "purpose", "HOME_VISIT"))
                             .text("followUpId"));
        }
        Api admin = as(Role.ADMINISTRATOR, "admin-test", SyntheticJourneys.ORGANISATION);
        Api.Reply program = admin.post("/api/v1/programs", Map.of("organisationId", "org-test", "name",
                                                                  "Synthetic course", "kind", "EDUCATION"));
        real.put("journeyId", journeys);
        real.put("milestoneId", milestones);
        real.put("followUpId", followUps);
        real.put("programId", List.of(program.text("programId")));
        real.put("caseManagerId", List.of("cm-test"));
        real.put("name", List.of("caseload", "timeline"));
    }

    /** Every mapped endpoint, with its body type, its parameters and the roles it lets through. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Type body = null;
            Map<String, Type> parameters = new TreeMap<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter.getGenericParameterType();
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                    parameters.put(name, parameter.getGenericParameterType());
                } else if (param != null) {
                    UNDECLARED_PARAMETERS.forEach(name -> parameters.put(name, String.class));
                }
            }
            parameterTypes.putAll(parameters);
            for (String pattern : info.getPatternValues()) {
                List<String> variables = new ArrayList<>();
                Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(pattern);
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern, variables, body, parameters,
                                               EnumSet.noneOf(Role.class),
                                               handler.getBeanType().getPackageName()
                                                      .startsWith("org.homeward.app.web")));
                }
            }
        });
        endpoints.sort((a, b) -> a.name().compareTo(b.name()));
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                String path = endpoint.pattern();
                for (String variable : endpoint.variables()) {
                    path = path.replace("{" + variable + "}", real.getOrDefault(variable, List.of("x")).get(0));
                }
                int status = send(endpoint.method() + " " + path + " HTTP/1.1\r\nAuthorization: Bearer "
                                  + tokens.get(role) + "\r\nContent-Type: application/json",
                                  endpoint.method().equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8))
                        .status();
                if (status != 401 && status != 403) {
                    endpoint.roles().add(role);
                }
            }
        }
        return endpoints;
    }

    private void fuzz(int n, List<Endpoint> endpoints) {
        Fuzzed request = new Fuzzed(n, endpoints);
        boolean tagged = request.requestIdHeader != null && request.requestIdHeader.equals("fz-" + n);
        (tagged ? alone.readLock() : alone.writeLock()).lock();
        try {
            long before = tagged ? 0 : storedEvents();
            Answer answer = send(request.head.getBytes(StandardCharsets.ISO_8859_1), request.body);
            if (answer == null) {
                unanswered.incrementAndGet();
                return;
            }
            check(request, answer);
            if (answer.status() >= 300) {
                refusedTags.add(n);
                samples.put(n, request.endpoint.name() + " " + answer.status() + ": " + request.describe());
                if (!tagged && storedEvents() != before) {
                    fail("refused request stored an event", request.endpoint.name(), answer.status(), n,
                         request.describe());
                }
            }
        } finally {
            (tagged ? alone.readLock() : alone.writeLock()).unlock();
        }
    }

    private void check(Fuzzed request, Answer answer) {
        String endpoint = request.endpoint.name();
        int status = answer.status();
        statuses.computeIfAbsent(String.valueOf(status), s -> new AtomicInteger()).incrementAndGet();
        if (status == 503 && answer.body().contains("urn:homeward:problem:timeline-behind")
            && answer.header("Retry-After") != null) {
            // the timeline is being rebuilt (the fuzz rebuilds it) or has not reached minVersion: it says so
            statuses.computeIfAbsent("503 timeline-behind", s -> new AtomicInteger()).incrementAndGet();
        } else if (status >= 500) {
            fail("server error", endpoint, status, request.n, request.describe() + " -> " + excerpt(answer.body()));
        }
        // A read may name what it was asked for (the caseload of cm-x, outcomes of org-x) and a redirect hands the
        // client its query back in Location: that is their answer. Nothing else carries what was sent.
        boolean describesTheQuestion = status < 400 && answer.body().contains(request.marker)
                                       || status >= 300 && status < 400;
        if (describesTheQuestion) {
            statuses.computeIfAbsent("2xx/3xx naming what was asked", s -> new AtomicInteger()).incrementAndGet();
        } else if (request.endpoint.page()) {
            // a form shown again after a refusal keeps what was typed, escaped (WebAppTest checks markup stays text)
            statuses.computeIfAbsent("page", s -> new AtomicInteger()).incrementAndGet();
        } else if (answer.head().contains(request.marker) || answer.body().contains(request.marker)) {
            fail("submitted marker echoed", endpoint, status, request.n,
                 request.describe() + " -> " + excerpt(answer.head() + "\n" + answer.body()));
        }
        if (status >= 400 && request.endpoint.page()) {
            String contentType = answer.header("Content-Type");
            if (contentType == null || !(contentType.startsWith("text/html")
                                         || contentType.startsWith("application/problem+json"))) {
                fail("page refusal neither a page nor problem+json", endpoint, status, request.n,
                     request.describe() + " -> " + excerpt(answer.head() + "\n" + answer.body()));
            } else if (answer.body().contains("Exception") || answer.body().contains("at org.")) {
                fail("page refusal with a stack trace", endpoint, status, request.n, request.describe());
            }
        } else if (status >= 400) {
            if (answer.body().contains(MARK)) {
                fail("a marker in a refusal", endpoint, status, request.n,
                     request.describe() + " -> " + excerpt(answer.body()));
            }
            String contentType = answer.header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                fail("refusal not problem+json", endpoint, status, request.n,
                     request.describe() + " -> " + contentType + " " + excerpt(answer.body()));
            } else if (!isProblem(answer)) {
                fail("problem without type, status or detail", endpoint, status, request.n,
                     request.describe() + " -> " + excerpt(answer.body()));
            }
        }
    }

    private static boolean isProblem(Answer answer) {
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.path("type").isString() && problem.path("detail").isString()
                   && problem.path("status").asInt() == answer.status();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Every event whose meta data carries the request id of a refused request. */
    private void checkNoRefusedRequestStoredAnEvent() {
        jdbc.query("select convert_from(meta_data, 'UTF8') from domain_event_entry", row -> {
            Matcher tag = TAGGED.matcher(row.getString(1));
            if (tag.find()) {
                int n = Integer.parseInt(tag.group(1).substring(3));
                if (refusedTags.contains(n)) {
                    fail("refused request stored an event", "request " + n, 0, n, samples.getOrDefault(n, "?"));
                }
            }
        });
    }

    private void fail(String kind, String endpoint, int status, int n, String sample) {
        Failure failure = failures.computeIfAbsent(kind + " | " + endpoint + " | " + status, k -> new Failure());
        if (failure.count.getAndIncrement() == 0) {
            failure.sample = "request " + n + ": " + sample;
        }
    }

    private static String excerpt(String text) {
        String flat = text.replace("\r\n", " | ");
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    /** One request, on its own connection; null when the server closed it while a large body was still sent. */
    private Answer send(String headLines, byte[] body) {
        String head = headLines + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        return send(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private Answer send(byte[] head, byte[] body) {
        boolean sent = true;
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(head);
                if (body != null) {
                    socket.getOutputStream().write(body);
                }
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // a request refused before its body is read is answered and its connection closed (docs)
                sent = false;
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException reset) {
                if (received.size() == 0 && !sent) {
                    return null;
                }
                if (received.size() == 0) {
                    throw reset;
                }
            }
            return parse(received.toByteArray());
        } catch (IOException e) {
            return new Answer(599, "no answer: " + e, "");
        }
    }

    private static Answer parse(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0 || raw.length < 12) {
            return new Answer(599, "no answer: " + new String(raw, StandardCharsets.ISO_8859_1), "");
        }
        String head = new String(raw, 0, split, StandardCharsets.ISO_8859_1);
        if (head.startsWith("HTTP/1.1 1")) {
            // 100 Continue, for Expect: 100-continue; the answer follows
            return parse(java.util.Arrays.copyOfRange(raw, split + 4, raw.length));
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            rest = unchunk(rest);
        }
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                return body.toByteArray();
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip();
            int size = Integer.parseInt(sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';'))
                                                               : sizeLine, 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A request built from the run's seed and its number alone. */
    private final class Fuzzed {

        /** Stand-ins for bytes that are not UTF-8, replaced when the body is encoded. */
        private static final char BAD_1 = '\uE000';
        private static final char BAD_2 = '\uE001';
        private static final char BAD_3 = '\uE002';

        final int n;
        final Random random;
        final String marker;
        final Endpoint endpoint;
        final String head;
        final byte[] body;
        String requestIdHeader;
        private final List<String> shown = new ArrayList<>();

        Fuzzed(int n, List<Endpoint> endpoints) {
            this.n = n;
            this.random = new Random(SEED * 1_000_003L + n);
            this.marker = MARK + n + "K";
            this.endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String method = chance(3) ? pick("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "GET", "POST")
                                      : endpoint.method();
            StringBuilder lines = new StringBuilder(method + " " + path() + query() + " HTTP/1.1");
            for (String header : headers(method)) {
                lines.append("\r\n").append(header);
            }
            byte[] content = method.equals("GET") && !chance(10) || method.equals("OPTIONS") ? null : body();
            this.body = content;
            String text = lines + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          + (content == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
            this.head = text;
            shown.add(0, text.lines().findFirst().orElse(""));
        }

        String describe() {
            String head = String.join(" / ", shown);
            String body = this.body == null ? "" : new String(this.body, StandardCharsets.UTF_8);
            return "[" + excerpt(head) + "] body " + excerpt(body);
        }

        boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        @SafeVarargs
        final <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        private String path() {
            String path = endpoint.pattern();
            for (String variable : endpoint.variables()) {
                List<String> ids = real.getOrDefault(variable, List.of());
                String value = !ids.isEmpty() && random.nextBoolean() ? ids.get(random.nextInt(ids.size()))
                                                                      : garbageSegment();
                path = path.replace("{" + variable + "}", value);
            }
            return path;
        }

        private String garbageSegment() {
            return switch (random.nextInt(14)) {
                case 0 -> marker;
                case 1 -> "%00" + marker;
                case 2 -> "%ZZ" + marker;
                case 3 -> "..%2F" + marker;
                case 4 -> "%C3%28" + marker;
                case 5 -> "%E2%82%AC" + marker;
                case 6 -> UUID.randomUUID().toString();
                case 7 -> "00000000-0000-0000-0000-00000000000g" + marker;
                case 8 -> "x".repeat(random.nextInt(20_000)) + marker;
                case 9 -> "%2F" + marker;
                case 10 -> ";" + marker + "=1";
                case 11 -> "%" + marker;
                case 12 -> "\u00e2\u0082\u00ac" + marker; // raw UTF-8 bytes in the path
                default -> pick("-1", "0", "%20", "%2e%2e", "9223372036854775808") + marker;
            };
        }

        private String query() {
            if (chance(35)) {
                return "";
            }
            List<String> pairs = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            List<String> own = new ArrayList<>(endpoint.parameters().keySet());
            List<String> any = new ArrayList<>(parameterTypes.keySet());
            for (int i = 0; i < count; i++) {
                String name;
                if (!own.isEmpty() && chance(70)) {
                    name = own.get(random.nextInt(own.size()));
                } else if (chance(70) && !any.isEmpty()) {
                    name = any.get(random.nextInt(any.size()));
                } else {
                    name = pick(marker, "", "%zz", "a%00" + marker, "\u00e9" + marker, "x[]", "x.y");
                }
                Type type = parameterTypes.getOrDefault(name, String.class);
                String value = parameter(name, type);
                pairs.add(chance(5) ? name : name + "=" + value);
                if (chance(10)) {
                    pairs.add(name + "=" + parameter(name, type)); // repeated
                }
            }
            return "?" + String.join(chance(5) ? ";" : "&", pairs);
        }

        /** A query value, percent-encoded mostly, raw and broken sometimes. */
        private String parameter(String name, Type type) {
            if (chance(20)) {
                return pick("%zz" + marker, "%" + marker, "%C3%28" + marker, "%00" + marker, "%2B294277-01-01T00:00:00Z",
                            "%ED%A0%80" + marker, marker + "%", "\u00ff" + marker, "%E2%82%AC" + marker, "",
                            "%0D%0A" + marker, "x".repeat(random.nextInt(9_000)) + marker);
            }
            return URLEncoder.encode(value(type, name, 0, false).replaceAll("^\"|\"$", ""), StandardCharsets.UTF_8);
        }

        private List<String> headers(String method) {
            List<String> headers = new ArrayList<>();
            headers.add(authorization());
            if (!method.equals("GET") || chance(10)) {
                headers.add("Content-Type: " + (chance(80) ? "application/json" : contentType()));
            }
            if (chance(40)) {
                headers.add("Accept: " + accept());
            }
            if (chance(30)) {
                headers.add("Idempotency-Key: " + pick("k-" + n, "k-" + n, "fuzz-shared-key", marker + "\u00e9",
                                                       "", " ", "k".repeat(201) + marker, marker + " x",
                                                       "\u00e2\u0082\u00ac" + marker, marker + "\u0001"));
            }
            if (chance(25)) {
                headers.add("If-Match: " + pick("\"1\"", "W/\"2\"", "\"3\"", "*", "\"" + marker + "\"", marker,
                                                "\"99999999999999999999\"", "\"-1\"", "\"1\", \"2\"", "",
                                                "W/" + marker, "\"\u00e9\""));
            }
            int tag = random.nextInt(100);
            requestIdHeader = tag < 95 ? "fz-" + n
                              : tag < 97 ? null
                              : pick(marker + "!", "r".repeat(65), "\u00e9" + marker, "", marker + " x");
            if (requestIdHeader != null) {
                headers.add("X-Request-Id: " + requestIdHeader);
            }
            if (chance(15)) {
                headers.add("X-Channel: " + pick("web", "mobile", marker + "/", "", "c".repeat(70), "\u00fc"));
            }
            if (chance(8)) {
                headers.add(pick("X-" + marker + ": 1", "Authorization: Bearer " + marker, "Accept: */*",
                                 "Content-Type: text/plain", "X-Forwarded-For: " + marker,
                                 "Cookie: JSESSIONID=" + marker, "Origin: http://" + marker + ".invalid",
                                 "Expect: 100-continue", "X-Long: " + "v".repeat(random.nextInt(12_000))));
            }
            java.util.Collections.shuffle(headers, random);
            shown.addAll(headers.stream().map(h -> h.length() > 120 ? h.substring(0, 120) + "..." : h).toList());
            return headers;
        }

        private String authorization() {
            int which = random.nextInt(100);
            List<Role> allowed = new ArrayList<>(endpoint.roles());
            Role role = which < 75 && !allowed.isEmpty() ? allowed.get(random.nextInt(allowed.size()))
                                                         : pick(Role.values());
            String token = tokens.get(role);
            if (which < 85) {
                return "Authorization: Bearer " + token;
            }
            return switch (which) {
                case 85, 86 -> "X-No-Authorization: 1";
                case 87, 88 -> "Authorization: Bearer " + expiredToken;
                case 89, 90 -> "Authorization: Bearer " + otherOrganisationToken;
                case 91 -> "Authorization: Bearer " + marker;
                case 92 -> "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                        (marker + ":x").getBytes(StandardCharsets.UTF_8));
                case 93 -> "Authorization: Bearer";
                case 94 -> "Authorization: bearer " + token;
                case 95 -> "Authorization: Bearer " + token.substring(0, token.length() - 3) + "AAA";
                case 96 -> "Authorization: Bearer " + token + "\u00e9";
                case 97 -> "Authorization: Bearer " + token.replace('.', '!');
                case 98 -> "Authorization: Bearer " + token.substring(0, token.lastIndexOf('.') + 1);
                default -> "Authorization: Bearer eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder()
                        .withoutPadding().encodeToString(("{\"sub\":\"" + marker + "\",\"role\":\"SUPERVISOR\"}")
                                                                 .getBytes(StandardCharsets.UTF_8)) + ".";
            };
        }

        private String contentType() {
            return pick("*/*", "application/*", "text/plain", "application/xml", "", marker,
                        "application/json; charset=" + marker, "application/json; charset=ISO-8859-1",
                        "application/json; charset=UTF-16", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=" + marker, "application/problem+json",
                        "application/json;;;", "application/json; q=\u00e9", "application/merge-patch+json",
                        "text/json", "application/vnd.homeward+json");
        }

        private String accept() {
            return pick("application/json", "*/*", "application/problem+json", "application/xml", "text/csv",
                        "image/svg+xml", "text/html", marker, "application/json;q=abc", "", "*/*;q=0",
                        "application/*", "text/*", "application/json, */*;q=0.1", "\u00e9/" + marker);
        }

        private byte[] body() {
            String json;
            int shape = random.nextInt(100);
            if (endpoint.body() == null || shape < 4) {
                json = pick("{}", "null", "[]", "\"" + marker + "\"", "1", "", "{\"" + marker + "\":1}",
                            "{\"position\":1,\"hash\":\"" + "ab".repeat(32) + "\"}");
            } else if (shape < 6) {
                json = deep(random.nextInt(10_001));
            } else if (shape < 8) {
                json = pick("{", "{\"a\":", "[", "{\"" + marker, "\uFEFF{}", "{}{}", "{} " + marker,
                            "{'a':1}", "{a:1}", "{\"a\":1,}", "/* " + marker + " */{}");
            } else if (shape < 9) {
                json = randomText();
            } else {
                json = value(endpoint.body(), "body", 0, true);
            }
            return encode(json);
        }

        private String deep(int depth) {
            String open = pick("[", "{\"a\":", "{\"profile\":");
            String close = open.equals("[") ? "]" : "}";
            return open.repeat(depth) + pick("1", "\"" + marker + "\"", "null") + close.repeat(depth);
        }

        private String randomText() {
            StringBuilder text = new StringBuilder(marker);
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append((char) random.nextInt(0x300));
            }
            return text.toString().replace('\uE000', 'x');
        }

        /** JSON text for a value of the given type: right mostly, wrong in every way sometimes. */
        String value(Type type, String name, int depth, boolean inJson) {
            if (chance(8)) {
                return wrongType();
            }
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                           : type instanceof Class<?> c ? c : Object.class;
            if (raw.isRecord() && depth < 5) {
                return object(raw, depth);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
                List<String> elements = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    elements.add(value(element, name, depth + 1, inJson));
                }
                return "[" + String.join(",", elements) + "]";
            }
            if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return chance(80) ? quoted(constants[random.nextInt(constants.length)].toString())
                                  : quoted(pick(marker, "", constants[0].toString().toLowerCase(Locale.ROOT),
                                                " " + constants[0], constants[0] + "\\u0000"));
            }
            if (raw == LocalDate.class) {
                return quoted(chance(60) ? LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28))
                                                    .toString()
                                         : pick("+294277-01-01", "-999999999-01-01", "2026-02-30", "2026-13-01",
                                                "0000-01-01", "10000-01-01", "2026-1-1", "", marker,
                                                "2026-01-12T00:00:00Z", "+999999999-12-31", "9999-12-31",
                                                "0001-01-01", "2026-01-12\\u0000"));
            }
            if (raw == Instant.class) {
                return quoted(chance(50) ? "2026-0" + (1 + random.nextInt(9)) + "-12T09:30:00Z"
                                         : pick("+294277-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                                                "2026-02-30T00:00:00Z", "2026-01-12", marker, "1e309", "",
                                                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z",
                                                "2026-01-12T09:30:00+01:00", "2026-01-12T25:00:00Z"));
            }
            if (raw == UUID.class) {
                List<String> ids = real.values().stream().flatMap(List::stream)
                                       .filter(id -> id.length() == 36).toList();
                return quoted(chance(60) ? ids.get(random.nextInt(ids.size()))
                                         : pick(marker, UUID.randomUUID().toString(), "", "0",
                                                "00000000-0000-0000-0000-000000000000",
                                                UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                                                "{" + UUID.randomUUID() + "}", "1-1-1-1-1"));
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return chance(70) ? pick("true", "false") : pick("\"yes\"", "1", "\"" + marker + "\"", "\"true\"");
            }
            if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
                return chance(50) ? String.valueOf(1 + random.nextInt(5))
                                  : pick("1e309", "-0", "9223372036854775808", "NaN", "\"NaN\"", "Infinity",
                                         "-Infinity", "1.5", "-1", "0", "2147483648", "\"3\"", "1e2", "00012",
                                         "-9223372036854775809", "1E-400", "0x10", "99999999999",
                                         "\"" + marker + "\"");
            }
            return string(name, inJson);
        }

        private String object(Class<?> record, int depth) {
            List<String> fields = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                if (chance(8)) {
                    continue; // missing
                }
                String field = "\"" + component.getName() + "\":"
                               + value(component.getGenericType(), component.getName(), depth + 1, true);
                fields.add(field);
                if (chance(3)) {
                    fields.add("\"" + component.getName() + "\":"
                               + value(component.getGenericType(), component.getName(), depth + 1, true));
                }
            }
            if (chance(4)) {
                fields.add(random.nextInt(fields.size() + 1), "\"" + marker + "\":" + wrongType());
            }
            if (chance(3)) {
                fields.add("\"" + pick("note\\u0000", "organisationId ", "ORGANISATIONID", "@type", "__proto__")
                           + "\":\"" + marker + "\"");
            }
            return "{" + String.join(",", fields) + "}";
        }

        private String wrongType() {
            return pick("null", "true", "[]", "{}", "12", "\"" + marker + "\"", "[\"" + marker + "\"]",
                        "{\"" + marker + "\":1}", "1e309", "-0", "\"\"");
        }

        private String string(String name, boolean inJson) {
            String good = GOOD_TEXT.getOrDefault(name, "synthetic " + name);
            if (chance(55)) {
                return quoted(good);
            }
            String bad = switch (random.nextInt(13)) {
                case 0 -> marker;
                case 1 -> marker + "\\u0000";
                case 2 -> marker + "\u0001"; // unescaped control character: not JSON
                case 3 -> "y".repeat(random.nextInt(chance(5) ? 1_000_000 : 5_000)) + marker;
                case 4 -> marker + "\u00fc\u6f22\u5b57\ud83d\ude42";
                case 5 -> marker + "\\ud800";
                case 6 -> marker + BAD_1 + BAD_2 + BAD_3;
                case 7 -> "enc:v1:" + marker;
                case 8 -> pick("", " ", "\\t");
                case 9 -> marker + "\u202e\u200b";
                case 10 -> marker + "\\u007f\\u001b[31m";
                case 11 -> good + "\\\"" + marker;
                default -> good + marker;
            };
            if (!inJson) {
                bad = bad.replace("\\u0000", "\u0000").replace("\\u007f", "\u007f").replace("\\u001b", "\u001b")
                         .replace("\\ud800", "\ud800").replace("\\t", "\t").replace("\\\"", "\"");
            }
            return quoted(bad);
        }

        private static String quoted(String text) {
            return "\"" + text + "\"";
        }

        private static byte[] encode(String json) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 16);
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == BAD_1 || c == BAD_2 || c == BAD_3) {
                    out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
                    run.setLength(0);
                    out.writeBytes(c == BAD_1 ? new byte[] {(byte) 0xC3, 0x28}
                                   : c == BAD_2 ? new byte[] {(byte) 0xFF}
                                   : new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
                } else {
                    run.append(c);
                }
            }
            out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

}
