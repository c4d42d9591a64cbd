package cn.gov.eqq.govinfo.platform.security;

import cn.gov.eqq.govinfo.platform.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 raised by the security filter chain, answered in the same problem shape as everything else. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, request.getRequestURI(), HttpStatus.UNAUTHORIZED, "unauthorized",
                    "请先登录：缺少有效的访问令牌，或令牌已过期、签发方或受众不符");
        };
    }

    /**
     * For the bearer-token filter. A token that could not be checked at all (the JWKS fetch from Keycloak failed:
     * Spring raises {@link AuthenticationServiceException} and by default rethrows it, which ends as a 500) is a
     * retryable 503; a bad token stays the entry point's 401.
     */
    static AuthenticationFailureHandler bearerFailureHandler() {
        AuthenticationEntryPoint entryPoint = entryPoint();
        return (request, response, ex) -> {
            if (ex instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "10");
                write(response, request.getRequestURI(), HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
                        "暂时无法连接身份认证服务（Keycloak）以验证令牌，请稍后重试");
            } else {
                entryPoint.commence(request, response, ex);
            }
        };
    }

    static AccessDeniedHandler accessDeniedHandler() {
        return (request, response, ex) -> write(response, request.getRequestURI(), HttpStatus.FORBIDDEN, "forbidden",
                "您的角色无权执行此操作");
    }

    private static void write(HttpServletResponse response, String path, HttpStatus status, String code,
                              String detail) throws IOException {
        ProblemResponses.write(response, path, status, code, detail);
    }
}
