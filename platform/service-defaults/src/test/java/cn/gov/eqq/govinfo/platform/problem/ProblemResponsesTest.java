package cn.gov.eqq.govinfo.platform.problem;

import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.ResourceServerAutoConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ProblemResponsesTest.SampleController.class)
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class, ProblemResponsesTest.SampleController.class})
class ProblemResponsesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder jwtDecoder;

    record Sample(@NotBlank(message = "标题不能为空") @Size(max = 10, message = "标题不能超过10个字") String title) {
    }

    @RestController
    static class SampleController {
        @PostMapping("/api/sample")
        Map<String, String> create(CurrentUser user, @Valid @RequestBody Sample body) {
            return Map.of("unit", user.requireUnit(), "title", body.title());
        }

        @GetMapping("/api/sample/{id}")
        Map<String, String> find(@PathVariable int id) {
            throw ApiProblem.notFound("信息 " + id + " 不存在");
        }

        @PostMapping("/api/sample/{id}/close")
        Map<String, String> close(@PathVariable int id) {
            throw UseCaseFailure.conflict("sample.closed", "信息 " + id + " 已作废，不能再关闭")
                    .withField("state", "已作废");
        }

        @PreAuthorize("hasRole('info-room')")
        @PostMapping("/api/sample/room-only")
        Map<String, String> roomOnly() {
            return Map.of("ok", "yes");
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor reporterOf(String unit) {
        return jwt().jwt(j -> j.claim("unit_id", unit).claim("preferred_username", "u-reporter"))
                .authorities(new SimpleGrantedAuthority("ROLE_reporter"));
    }

    @Test
    void aUseCaseRefusalIsAnsweredWithTheStatusAndChineseTitleOfItsKind() throws Exception {
        mvc.perform(post("/api/sample/7/close").with(reporterOf("U01")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("状态冲突"))
                .andExpect(jsonPath("$.code").value("sample.closed"))
                .andExpect(jsonPath("$.detail").value("信息 7 已作废，不能再关闭"))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemInChinese() throws Exception {
        mvc.perform(post("/api/sample").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("未登录或登录已失效"))
                .andExpect(jsonPath("$.code").value("unauthorized"));
    }

    @Test
    void theUnitComesFromTheToken() throws Exception {
        mvc.perform(post("/api/sample").with(reporterOf("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"动态\",\"unit\":\"U001\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value("U006"));
    }

    @Test
    void validationFailuresNameTheFieldInChinese() throws Exception {
        mvc.perform(post("/api/sample").with(reporterOf("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("标题不能为空"));
    }

    @Test
    void malformedJsonIs400NotA500() throws Exception {
        mvc.perform(post("/api/sample").with(reporterOf("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unreadable-body"))
                .andExpect(jsonPath("$.detail", containsString("JSON")));
    }

    @Test
    void aWrongPathVariableTypeIs400() throws Exception {
        mvc.perform(get("/api/sample/abc").with(reporterOf("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("type-mismatch"));
    }

    @Test
    void apiProblemsKeepTheirStatusCodeAndDetail() throws Exception {
        mvc.perform(get("/api/sample/7").with(reporterOf("U006")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("信息 7 不存在"))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "not-found"));
    }

    @Test
    void aMissingRoleIs403ProblemInChinese() throws Exception {
        mvc.perform(post("/api/sample/room-only").with(reporterOf("U006")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权操作"));
    }

    @Test
    void anAccountWithoutAUnitCannotActForOne() throws Exception {
        mvc.perform(post("/api/sample").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_viewer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("报送单位")));
    }

    @Test
    void anUnsupportedMethodIs405InChinese() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/sample")
                        .with(reporterOf("U006")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.title").value("不支持的请求方法"));
    }
}
