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
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status.value(), code, detail, path));
    }

    /** The problem as JSON text, flat (same fields as the MVC handler's); {@code path} null leaves out instance. */
    public static String json(int status, String code, String detail, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + code);
        body.put("title", Problems.titleFor(status));
        body.put("status", status);
        body.put("detail", detail);
        if (path != null) {
            body.put("instance", path);
        }
        body.put("code", code);
        return JSON.writeValueAsString(body);
    }
}
