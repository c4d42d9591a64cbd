package cn.gov.eqq.govinfo.intake.unit.adapter.in.web;

import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import cn.gov.eqq.govinfo.platform.security.ResourceServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Web slice of the unit directory: routing, JSON shape, roles and problem answers, with the use case mocked. */
@WebMvcTest(controllers = UnitController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/certs")
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class})
class UnitControllerSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KeepingUnits units;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String role) {
        return jwt().jwt(j -> j.claim("realm_access", Map.of("roles", List.of(role))).claim("preferred_username", role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void listsUnitsForAnySignedInRole() throws Exception {
        when(units.all()).thenReturn(List.of(Unit.memberSinceFirstMonth("U001", "上海庙经济开发区", 1)));
        mvc.perform(get("/api/intake/units").with(as("dashboard")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].unitId").value("U001"))
                .andExpect(jsonPath("$[0].name").value("上海庙经济开发区"))
                .andExpect(jsonPath("$[0].group").value(1))
                .andExpect(jsonPath("$[0].memberships[0].group").value(1))
                .andExpect(jsonPath("$[0].memberships[0].fromMonth").value("2022-07"))
                .andExpect(jsonPath("$[0].memberships[0].untilMonth").doesNotExist());
    }

    @Test
    void malformedEffectiveMonthIsAChineseProblemBeforeTheUseCaseRuns() throws Exception {
        mvc.perform(put("/api/intake/units/U006").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"group\":3,\"fromMonth\":\"2026/7\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("生效月份格式应为 2026-07，收到：2026/7"));
        verifyNoInteractions(units);
    }

    @Test
    void nonAdministratorIsRefusedBeforeTheUseCaseRuns() throws Exception {
        mvc.perform(post("/api/intake/units").with(as("info-room")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"U053\",\"name\":\"新单位\",\"group\":3}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权操作"));
        verifyNoInteractions(units);
    }

    @Test
    void useCaseProblemsBecomeChineseProblemJson() throws Exception {
        when(units.change(any())).thenThrow(UseCaseFailure.notFound("单位 U999 不存在"));
        mvc.perform(put("/api/intake/units/U999").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("单位 U999 不存在"));
    }

    @Test
    void withoutTokenTheAnswerIsUnauthorized() throws Exception {
        mvc.perform(get("/api/intake/units")).andExpect(status().isUnauthorized());
    }
}
