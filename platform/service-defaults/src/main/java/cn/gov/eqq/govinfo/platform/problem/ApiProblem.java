package cn.gov.eqq.govinfo.platform.problem;

import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure the caller can act on, answered as an RFC 9457 problem. {@code code} is stable for machines,
 * {@code detail} is Chinese for people. Thrown from application and web code, never from the domain.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<FieldError> errors = new ArrayList<>();

    public record FieldError(String field, String message) {
    }

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, "请求有误", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "未找到", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, "状态冲突", detail);
    }

    public static ApiProblem unprocessable(String code, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, "无法处理", detail);
    }

    public ApiProblem withField(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
