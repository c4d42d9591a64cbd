package cn.gov.eqq.govinfo.platform.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The problem shape written by a servlet filter, where no Spring MVC message converter runs. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, String path, HttpStatus status, String code,
                             String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + code);
        body.put("title", Problems.titleFor(status.value()));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", path);
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
