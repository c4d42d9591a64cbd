package cn.gov.eqq.govinfo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem responses of the gateway, in the same shape as the services'
 * ({@code type, title, status, detail, instance, code}; type base {@value #TYPE_BASE}), Chinese for people.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://govinfo.eqq.gov.cn/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", titleFor(status.value()));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** Same Chinese titles as the services (service-defaults {@code Problems.titleFor}). */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所请求的格式";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 429 -> "请求过于频繁";
            case 502 -> "下游服务出错";
            case 503 -> "服务暂不可用";
            case 504 -> "下游服务响应超时";
            default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
        };
    }
}
