package cn.gov.eqq.govinfo.platform.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the one problem shape every service answers with. */
public final class Problems {

    public static final String TYPE_BASE = "https://govinfo.eqq.gov.cn/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail,
                                   List<ApiProblem.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A Chinese title for a bare status, for the errors Spring raises before our code runs. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所请求的格式";
            case 409 -> "状态冲突";
            case 413 -> "请求内容过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "无法处理";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
        };
    }
}
