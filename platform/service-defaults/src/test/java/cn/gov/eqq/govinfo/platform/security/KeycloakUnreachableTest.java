package cn.gov.eqq.govinfo.platform.security;

import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keycloak down while a token's key must be fetched (issue 9, fault 5; system test faults/KeycloakDownIT): the
 * decoder fails with a plain {@link JwtException}, which Spring turns into a 500 unless the bearer filter answers it.
 */
@WebMvcTest(controllers = KeycloakUnreachableTest.SampleController.class)
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class, KeycloakUnreachableTest.SampleController.class})
class KeycloakUnreachableTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @RestController
    static class SampleController {
        @GetMapping("/api/sample")
        Map<String, String> sample() {
            return Map.of("ok", "yes");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseKeycloakIsUnreachableGetsA503ProblemNotA500() throws Exception {
        given(jwtDecoder.decode(anyString())).willThrow(new JwtException(
                "An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set: Connection refused"));

        mvc.perform(get("/api/sample").header("Authorization", "Bearer some.token.value"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.code").value("auth-unavailable"))
                .andExpect(jsonPath("$.title").value("服务暂不可用"));
    }

    @Test
    void aBadTokenIsStillA401() throws Exception {
        given(jwtDecoder.decode(anyString())).willThrow(new BadJwtException("Signed JWT rejected: Invalid signature"));

        mvc.perform(get("/api/sample").header("Authorization", "Bearer some.token.value"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthorized"));
    }
}
