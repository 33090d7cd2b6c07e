package org.homeward.query.caseload;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.access.DenialLog;
import org.homeward.journey.Caseload;
import org.homeward.journey.FindCaseload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The caseload endpoint as Spring MVC serves it, cut at the query gateway: its mapping and paging parameters, the
 * reader's organisation put into the query, and the problem answers, with no database. The caller is put on the
 * request as the security filter would.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class CaseloadControllerSliceTest {

    private static final Caller MANAGER = new Caller("cm-017", Role.CASE_MANAGER, "org-north");
    private static final Caller SUPERVISOR = new Caller("sv-001", Role.SUPERVISOR, "org-north");

    @SpringBootConfiguration
    @Import(CaseloadController.class)
    @ComponentScan("org.homeward.app.problems")
    static class Slice {
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private QueryGateway queries;
    @MockitoBean
    private DenialLog denials;

    @Test
    void aCaseManagerReadsTheirOwnCaseloadWithinTheirOrganisation() throws Exception {
        when(queries.query(eq(new FindCaseload("cm-017", "org-north", 2, 5)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new Caseload("cm-017", 2, 5, 11, List.of())));

        mvc.perform(as(MANAGER, get("/api/v1/caseloads/cm-017?page=2&size=5")))
           .andExpect(status().isOk())
           .andExpect(header().string("Content-Type", "application/json"))
           .andExpect(jsonPath("$.total").value(11))
           .andExpect(jsonPath("$.page").value(2));
    }

    @Test
    void aSupervisorReadsAnyCaseloadOfTheirOrganisationFromTheFirstPage() throws Exception {
        when(queries.query(eq(new FindCaseload("cm-020", "org-north", 0, 20)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new Caseload("cm-020", 0, 20, 0, List.of())));

        mvc.perform(as(SUPERVISOR, get("/api/v1/caseloads/cm-020")))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.caseManagerId").value("cm-020"));
    }

    @Test
    void pagingOutOfRangeIsNamedAndNothingIsAsked() throws Exception {
        mvc.perform(as(MANAGER, get("/api/v1/caseloads/cm-017?size=101")))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", "application/problem+json"))
           .andExpect(jsonPath("$.type").value("urn:homeward:problem:invalid-request"))
           .andExpect(jsonPath("$.errors[0].field").value("size"))
           .andExpect(jsonPath("$.errors[0].reason").value("must be from 1 to 100"));
        mvc.perform(as(MANAGER, get("/api/v1/caseloads/cm-017?page=-1")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(as(MANAGER, get("/api/v1/caseloads/cm-017?page=first")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("page"));

        verifyNoInteractions(queries);
    }

    @Test
    void anotherCaseManagersCaseloadIsForbiddenAndTheRefusalIsLogged() throws Exception {
        mvc.perform(as(MANAGER, get("/api/v1/caseloads/cm-020")))
           .andExpect(status().isForbidden())
           .andExpect(jsonPath("$.type").value("urn:homeward:problem:forbidden"));

        verify(denials).record(any(), eq(403));
        verifyNoInteractions(queries);
    }

    private static MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request) {
        return request.requestAttr(Caller.REQUEST_ATTRIBUTE, caller);
    }
}
