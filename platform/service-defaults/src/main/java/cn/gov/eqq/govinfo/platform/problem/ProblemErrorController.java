package cn.gov.eqq.govinfo.platform.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page in the one problem shape. What never reaches {@link ProblemExceptionHandler} — a URL the
 * security firewall refuses (encoded slash or percent, line breaks), a {@code sendError} of a filter — was answered
 * with Boot's {@code {timestamp, status, error, path}}; the security fuzzer found those (docs/security.md). Replaces
 * Boot's {@code BasicErrorController}. The cause is never echoed: a refused URL may carry anything.
 */
@Hidden // not an operation of the service's API (its OpenAPI document and the security matrix list operations)
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // called as an address of its own (no error being forwarded) there is nothing here: 404
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (status < 400) {
            status = 500;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatusCode.valueOf(status), code(status), Problems.titleFor(status),
                        detail(status), null));
    }

    /**
     * The same problem as JSON text, for Tomcat's error report ({@link ProblemErrorReportValve}), which runs where no
     * message converter exists. Without {@code instance}: the refused URL may carry anything.
     */
    static String json(int status) {
        return ProblemResponses.json(status, code(status), detail(status), null);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "request-rejected";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            default -> status >= 500 ? "internal-error" : "request-failed";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "请求地址或参数含有不允许的字符或格式，已被拒绝";
            case 404 -> "请求的地址不存在";
            case 413 -> "请求内容超过了允许的大小";
            default -> status >= 500 ? "服务器处理请求时出错，请稍后重试" : "请求未能完成";
        };
    }
}
