package cn.gov.eqq.govinfo.platform.problem;

import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.limits.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import cn.gov.eqq.govinfo.platform.input.InputRuleViolation;
import cn.gov.eqq.govinfo.platform.input.TextParameterRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every failure into the one RFC 9457 shape, in Chinese. Spring's own MVC exceptions go through
 * {@link ResponseEntityExceptionHandler}; we only replace their English text.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(Problems.of(problem.status(), problem.code(), problem.title(), problem.getMessage(),
                problem.errors()));
    }

    /** The one place where a use case's refusal becomes HTTP: the kind chooses the status and the title. */
    @ExceptionHandler(UseCaseFailure.class)
    ResponseEntity<ProblemDetail> useCaseFailure(UseCaseFailure failure) {
        HttpStatus status = switch (failure.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        String title = switch (failure.kind()) {
            case INVALID -> "请求有误";
            case NOT_FOUND -> "未找到";
            case FORBIDDEN -> "无权操作";
            case CONFLICT -> "状态冲突";
            case UNPROCESSABLE -> "无法处理";
        };
        List<ApiProblem.FieldError> errors = failure.errors().stream()
                .map(error -> new ApiProblem.FieldError(error.field(), error.message())).toList();
        return respond(Problems.of(status, failure.code(), title, failure.getMessage(), errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作", "您的角色无权执行此操作", null));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "未登录或登录已失效", "请先登录", null));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
        // Domain objects reject bad values with IllegalArgumentException whose message is written for people.
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-argument", "请求有误", ex.getMessage(), null));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
        return respond(tooLarge(ex));
    }

    /** A multipart body that cannot be parsed: no boundary, cut off, malformed part headers. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException ex) {
        PayloadTooLargeException tooLarge = tooLargeCause(ex);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "multipart-invalid", "请求有误",
                "上传的内容不是完整有效的 multipart/form-data（缺少分隔边界、内容被截断或格式错误），请重新选择文件上传",
                null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        PayloadTooLargeException tooLarge = tooLargeCause(ex);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge));
        }
        log.error("Unexpected error", ex);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "服务器内部错误",
                "服务器处理请求时出错，已记录日志；已保存的数据不受影响，请稍后重试", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new ApiProblem.FieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new ApiProblem.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return cast(respond(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "请求有误",
                "提交的内容未通过校验，请按提示修改", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error ->
                    errors.add(new ApiProblem.FieldError(name, error.getDefaultMessage())));
        }
        return cast(respond(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "请求有误",
                "请求参数未通过校验，请按提示修改", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        int status = statusCode.value();
        String code = "http-" + status;
        String detail = Problems.titleFor(status);
        PayloadTooLargeException tooLarge = tooLargeCause(ex);
        if (tooLarge != null) {
            return cast(respond(tooLarge(tooLarge)));
        }
        List<ApiProblem.FieldError> errors = null;
        if (ex instanceof HttpMessageNotReadableException) {
            code = "unreadable-body";
            detail = "请求内容不是有效的 JSON，或字段类型不正确";
            JacksonException json = cause(ex, JacksonException.class);
            String field = json == null ? null : InputRuleViolation.fieldOf(json);
            if (field != null) {
                code = "validation-failed";
                detail = "提交的内容未通过校验，请按提示修改";
                String message = json instanceof InputRuleViolation rule ? rule.getOriginalMessage() : "类型或格式不正确";
                errors = List.of(new ApiProblem.FieldError(field, message));
            }
        } else if (ex instanceof TypeMismatchException e && cause(e, TextParameterRule.Violation.class) != null) {
            TextParameterRule.Violation v = cause(e, TextParameterRule.Violation.class);
            code = "validation-failed";
            detail = "参数“" + name(e) + "”" + v.getMessage();
            errors = List.of(new ApiProblem.FieldError(name(e), v.getMessage()));
        } else if (ex instanceof TypeMismatchException e) {
            code = "type-mismatch";
            detail = "参数“" + e.getPropertyName() + "”的值格式不正确";
        } else if (ex instanceof MissingServletRequestParameterException e) {
            code = "missing-parameter";
            detail = "缺少必填参数“" + e.getParameterName() + "”";
        } else if (ex instanceof NoResourceFoundException) {
            code = "not-found";
            detail = "请求的地址不存在";
        } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
            code = "method-not-allowed";
            detail = "该地址不支持 " + e.getMethod() + " 请求";
        } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
            code = "unsupported-media-type";
            detail = "不支持的内容类型，请使用 " + supported(e.getSupportedMediaTypes());
        } else if (ex instanceof MissingServletRequestPartException e) {
            code = "missing-part";
            detail = "缺少上传的文件或字段“" + e.getRequestPartName() + "”（multipart/form-data）";
        } else if (ex instanceof MaxUploadSizeExceededException && partHeaderTooLong(ex)) {
            // Tomcat counts a part's headers apart from its content: only a very long file name gets there
            return cast(respond(Problems.of(HttpStatus.BAD_REQUEST, "file-name.invalid", "请求有误",
                    "文件名过长，请改短文件名后重新上传", null)));
        } else if (ex instanceof MaxUploadSizeExceededException) {
            code = "payload-too-large";
            detail = "上传内容超过大小限制";
        }
        return cast(respond(Problems.of(statusCode, code, Problems.titleFor(status), detail, errors)));
    }

    /** What an endpoint takes, for the 415 message: an upload names multipart/form-data, not JSON. */
    private static String supported(List<MediaType> types) {
        if (types == null || types.isEmpty()) {
            return MediaType.APPLICATION_JSON_VALUE;
        }
        List<String> names = types.stream()
                .filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
                .map(t -> t.getType() + "/" + t.getSubtype())
                .distinct()
                .toList();
        return names.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : String.join(" 或 ", names);
    }

    private static boolean partHeaderTooLong(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    private static String name(TypeMismatchException e) {
        return e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A chunked body that passed the limit surfaces wrapped (unreadable message, I/O error): still a 413. */
    private static PayloadTooLargeException tooLargeCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PayloadTooLargeException p) {
                return p;
            }
        }
        return null;
    }

    private static ProblemDetail tooLarge(PayloadTooLargeException ex) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", Problems.titleFor(413),
                PayloadTooLargeException.detail(ex.limit()), null);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
