package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.application.CorrectingItems;
import cn.gov.eqq.govinfo.intake.item.application.EnteringOnBehalf;
import cn.gov.eqq.govinfo.intake.item.application.HandlingItems;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import cn.gov.eqq.govinfo.platform.security.ResourceServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Web slice of the items API with the use cases mocked: what reaches them comes from the token, not the body. */
@WebMvcTest(controllers = ItemController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/certs")
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class})
class ItemControllerSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    HandlingItems items;
    @MockitoBean
    KeepingUnits units;
    @MockitoBean
    CorrectingItems corrections;
    @MockitoBean
    EnteringOnBehalf onBehalf;

    private static RequestPostProcessor reporterOf(String unit) {
        return jwt().jwt(j -> j.claim("realm_access", Map.of("roles", List.of("reporter")))
                        .claim("preferred_username", "rep").claim("unit_id", unit))
                .authorities(new SimpleGrantedAuthority("ROLE_reporter"));
    }

    @Test
    void draftIsCreatedForTheTokensUnitWhateverTheBodySays() throws Exception {
        Actor seen = new Actor("rep", "rep", "U006", Set.of(Role.REPORTER));
        ItemContent content = new ItemContent("标题", null, null, null, null, null, null, null, false, false, null,
                null, null);
        when(items.createDraft(any(), any())).thenReturn(Item.draft("i-1", seen, content, Instant.parse("2026-07-01T00:00:00Z")));

        mvc.perform(post("/api/intake/items").with(reporterOf("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"标题\",\"unitId\":\"U007\",\"status\":\"RECEIVED\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value("U006"))
                .andExpect(jsonPath("$.statusLabel").value("草稿"));

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(items).createDraft(actor.capture(), any());
        assertThat(actor.getValue().unitId()).isEqualTo("U006");
        assertThat(actor.getValue().roles()).containsExactly(Role.REPORTER);
    }

    @Test
    void groupFilterIsTurnedIntoTheGroupsUnits() throws Exception {
        when(units.idsInGroup(3)).thenReturn(List.of("U037", "U038"));
        when(items.search(any(), any())).thenReturn(new ItemStore.Page(List.of(), 0, 0, 20));

        mvc.perform(get("/api/intake/items").param("group", "3").param("status", "SUBMITTED", "RETURNED")
                        .param("period", "2026-Q3").with(reporterOf("U037")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        ArgumentCaptor<ItemStore.Search> search = ArgumentCaptor.forClass(ItemStore.Search.class);
        verify(items).search(any(), search.capture());
        assertThat(search.getValue().unitIds()).containsExactlyInAnyOrder("U037", "U038");
        assertThat(search.getValue().statuses()).isEqualTo(EnumSet.of(ItemStatus.SUBMITTED, ItemStatus.RETURNED));
        assertThat(search.getValue().submittedFrom()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
        assertThat(search.getValue().submittedTo()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
    }

    @Test
    void roomActionsNeedTheRoomRole() throws Exception {
        mvc.perform(post("/api/intake/items/i-1/receive").with(reporterOf("U006"))).andExpect(status().isForbidden());
    }
}
