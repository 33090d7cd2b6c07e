package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the idempotency table keeps about a request cannot name the person it was about, and is gone when she is
 * erased.
 */
class IdempotencyPrivacyTest extends HttpTest {

    @Autowired
    private JsonMapper json;

    @Value("${homeward.idempotency.keep-for}")
    private Duration keepFor;

    @Test
    void aFingerprintCannotBeRecomputedFromWhatSomeoneKnowsAboutThePerson() throws Exception {
        // what someone hunting her knows: her name, phone and birthday, and the shape of an intake request
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", "Synthetic Vera Testova");
        person.put("phone", "+000 555 0101");
        person.put("email", null);
        person.put("dateOfBirth", "2001-02-03");
        Map<String, Object> intake = new LinkedHashMap<>(SyntheticJourneys.intake());
        intake.remove("consentGiven");
        intake.put("person", person);
        intake.put("consentGiven", List.of("CASE_MANAGEMENT"));

        Reply opened = api.post("/api/v1/journeys", intake, Map.of("Idempotency-Key", "intake-vera"));

        // the request as the server reads and writes it back, which the public source code tells anyone
        Class<?> request = Class.forName("org.homeward.command.journey.JourneyRequests$Open");
        byte[] guessed = bytes("/api/v1/journeys\n",
                               json.writeValueAsBytes(json.readValue(json.writeValueAsString(intake), request)));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(fingerprints("intake-vera")).as("not a hash anyone can recompute")
                                               .doesNotContain(HexFormat.of().formatHex(
                                                       MessageDigest.getInstance("SHA-256").digest(guessed)));
        assertThat(fingerprints("intake-vera")).as("but a MAC under the key beside the master key, of those bytes")
                                               .containsExactly(hmac(guessed));
    }

    @Test
    void erasureForgetsTheJourneysRequests() {
        Reply opened = api.post("/api/v1/journeys", SyntheticJourneys.intake(), Map.of("Idempotency-Key", "e-open"));
        String journey = opened.text("journeyId");
        String path = "/api/v1/journeys/" + journey;
        Map<String, Object> noted = milestone("SHELTER_ENTERED", INTAKE, "Synthetic note naming her sister");
        api.post(path + "/milestones", noted, Map.of("Idempotency-Key", "e-milestone"));
        String other = openJourney(SyntheticJourneys.intake());
        api.post("/api/v1/journeys/" + other + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null),
                 Map.of("Idempotency-Key", "e-other"));

        Reply erased = api.post(path + "/erasure", Map.of("requestedOn", INTAKE.plusDays(1).toString()),
                                Map.of("Idempotency-Key", "e-erasure"));

        assertThat(erased.status()).isEqualTo(200);
        assertThat(fingerprints("e-open")).isEmpty();
        assertThat(fingerprints("e-milestone")).isEmpty();
        assertThat(fingerprints("e-erasure")).isEmpty();
        assertThat(fingerprints("e-other")).as("another journey's requests are kept").hasSize(1);
        long before = storedEvents();
        Reply retried = api.post(path + "/milestones", noted, Map.of("Idempotency-Key", "e-milestone"));
        assertThat(retried.status()).as("a retry after erasure records nothing").isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void requestsAreForgottenWithinADay() {
        assertThat(keepFor).isLessThanOrEqualTo(Duration.ofHours(24));
    }

    private List<String> fingerprints(String key) {
        return jdbc.queryForList("select request_fingerprint from idempotency_key where idempotency_key like ?",
                                 String.class, "%\n" + key);
    }

    private static byte[] bytes(String path, byte[] body) {
        byte[] prefix = path.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    private static String hmac(byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(TestUsers.MASTER_KEY_FILE.resolveSibling("fingerprint.key")),
                                   "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message));
    }
}
