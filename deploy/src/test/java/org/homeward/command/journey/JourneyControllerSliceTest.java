package org.homeward.command.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homeward.access.Caller;
import org.homeward.access.Provenance;
import org.homeward.access.Role;
import org.homeward.app.access.DenialLog;
import org.homeward.command.CommandSender;
import org.homeward.command.CommandSide;
import org.homeward.command.duplicates.PossibleDuplicates;
import org.homeward.command.privacy.PersonKeys;
import org.homeward.command.program.ProgramCatalogue;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.RecordMilestone;
import org.homeward.refusal.NotVisibleException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The journey endpoints as Spring MVC serves them, cut at the command gateway: request mapping, the headers a
 * submission is read from, and the problem answers for bad input, with no database and no Axon. Authentication is
 * left to the HTTP tests; here the caller is put on the request as the security filter would.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class JourneyControllerSliceTest {

    private static final UUID JOURNEY = UUID.fromString("7b0e7a52-3c1e-4c55-9a43-0f2a3c7c9d11");
    private static final Caller MANAGER = new Caller("cm-017", Role.CASE_MANAGER, "org-north");
    private static final String MILESTONE = """
            {"type": "SHELTER_ENTERED", "occurredOn": "2026-03-02", "note": "sealed in the slice"}""";

    /**
     * The journey controller with what shapes its requests and answers as in the application: the problem answers
     * and request checks, the command side's body validation and its submission from headers.
     */
    @SpringBootConfiguration
    @Import({JourneyController.class, CommandSender.class})
    @ComponentScan("org.homeward.app.problems")
    @ComponentScan(basePackages = "org.homeward.command", useDefaultFilters = false,
                   includeFilters = @ComponentScan.Filter(ControllerAdvice.class))
    static class Slice implements WebMvcConfigurer {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        @Qualifier("fingerprintKey")
        SecretKey fingerprintKey() {
            return new SecretKeySpec(new byte[32], "HmacSHA256");
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            new CommandSide().addArgumentResolvers(resolvers);
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;
    @MockitoBean
    private JourneyAccess access;
    @MockitoBean
    private ProgramCatalogue programs;
    @MockitoBean
    private PersonKeys keys;
    @MockitoBean
    private PossibleDuplicates duplicates;
    @MockitoBean
    private DenialLog denials;

    @Test
    void aMilestoneIsSentWithItsHeadersAndAnsweredWithTheNewVersion() throws Exception {
        when(keys.seal(JOURNEY, "sealed in the slice")).thenReturn("ciphertext");
        when(gateway.<Long>sendAndWait(any())).thenReturn(8L);

        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY))
                            .header("Idempotency-Key", "retry-1")
                            .header("If-Match", "W/\"7\"")
                            .header("X-Request-Id", "req-42")
                            .content(MILESTONE))
           .andExpect(status().isCreated())
           .andExpect(header().string("Location", "/api/v1/journeys/" + JOURNEY + "/timeline"))
           .andExpect(header().string("ETag", "\"8\""))
           .andExpect(jsonPath("$.journeyId").value(JOURNEY.toString()))
           .andExpect(jsonPath("$.version").value(8));

        verify(access).requireMayRecord(MANAGER, JOURNEY);
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        RecordMilestone command = (RecordMilestone) sent.getValue().getPayload();
        assertThat(command.journeyId()).isEqualTo(JOURNEY);
        assertThat(command.expectedVersion()).as("from If-Match").isEqualTo(7L);
        assertThat(command.note()).isEqualTo("ciphertext");
        assertThat(sent.getValue().getMetaData())
                .containsEntry(Provenance.REQUEST_ID, "req-42")
                .containsEntry(Provenance.ACTOR_ID, "cm-017")
                .containsEntry("idempotencyKey", "cm-017\nretry-1")
                .containsKey("requestFingerprint");
    }

    @Test
    void withoutHeadersTheCommandExpectsNoVersionAndGetsARequestId() throws Exception {
        when(gateway.<Long>sendAndWait(any())).thenReturn(1L);

        mvc.perform(asManager(post("/api/v1/journeys/{id}/closure", JOURNEY))
                            .content("{\"closedOn\": \"2026-03-02\", \"reason\": \"OTHER\"}"))
           .andExpect(status().isOk())
           .andExpect(header().string("ETag", "\"1\""));

        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(((CloseJourney) sent.getValue().getPayload()).expectedVersion()).isNull();
        assertThat(sent.getValue().getMetaData()).containsKey(Provenance.REQUEST_ID)
                                                 .doesNotContainKey("idempotencyKey");
    }

    @Test
    void malformedHeadersAreNamedAndNothingIsSent() throws Exception {
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY)).header("If-Match", "7")
                            .content(MILESTONE))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", "application/problem+json"))
           .andExpect(jsonPath("$.type").value("urn:homeward:problem:invalid-request"))
           .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY))
                            .header("Idempotency-Key", "with space").content(MILESTONE))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY))
                            .header("X-Request-Id", "not a token").content(MILESTONE))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("X-Request-Id"));

        verifyNoInteractions(gateway);
    }

    @Test
    void badBodiesAreAnsweredWithTheFieldsNamedAndNothingIsSent() throws Exception {
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY))
                            .content("{\"type\": \"SHELTER_ENTERED\", \"note\": \"" + "x".repeat(2001) + "\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.type").value("urn:homeward:problem:invalid-request"))
           .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("note", "occurredOn")));
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY))
                            .content("{\"type\": \"NO_SUCH_TYPE\", \"occurredOn\": \"2026-03-02\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", "not-a-uuid")).content(MILESTONE))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("journeyId"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aJourneyTheCallerMayNotSeeIsNotFoundAndTheRefusalIsLogged() throws Exception {
        doThrow(new NotVisibleException(JOURNEY)).when(access).requireMayRecord(MANAGER, JOURNEY);

        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY)).content(MILESTONE))
           .andExpect(status().isNotFound())
           .andExpect(jsonPath("$.detail").value("No such journey or program"));

        verify(denials).record(any(), org.mockito.ArgumentMatchers.eq(404));
        verifyNoInteractions(gateway, keys);
    }

    @Test
    void anAnswerTheClientCannotReadIsRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(asManager(post("/api/v1/journeys/{id}/milestones", JOURNEY)).content(MILESTONE)
                            .accept(MediaType.APPLICATION_XML))
           .andExpect(status().isNotAcceptable());

        verifyNoInteractions(gateway);
    }

    private static MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, MANAGER).contentType(MediaType.APPLICATION_JSON);
    }
}
