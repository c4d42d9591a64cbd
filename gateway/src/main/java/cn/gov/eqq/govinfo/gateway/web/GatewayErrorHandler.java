package cn.gov.eqq.govinfo.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Errors outside security (no route, service down or slow, anything unexpected) as Chinese problems instead of
 * Boot's default error JSON; never a stack trace to the caller.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == null) {
                code = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return switch (code) {
                case NOT_FOUND -> Problems.write(exchange, code, "not-found", "没有与该路径对应的接口");
                case SERVICE_UNAVAILABLE -> Problems.write(exchange, code, "upstream-unavailable",
                        "目标服务暂不可用，请稍后重试");
                case GATEWAY_TIMEOUT -> Problems.write(exchange, code, "upstream-timeout", "目标服务响应超时，请稍后重试");
                case BAD_GATEWAY -> upstreamFailed(exchange);
                default -> code.is4xxClientError()
                        ? Problems.write(exchange, code, "request-error", Problems.titleFor(code.value()))
                        : internal(exchange, ex);
            };
        }
        if (hasCause(ex, ConnectException.class)) {
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                    "目标服务暂不可用，请稍后重试");
        }
        if (hasCause(ex, TimeoutException.class)) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "目标服务响应超时，请稍后重试");
        }
        if (hasCause(ex, PrematureCloseException.class) || hasCause(ex, IOException.class)) {
            // the service took the call and dropped the connection (crashed, killed, restarted): not our 500
            log.warn("目标服务中断了请求 {}: {}", exchange.getRequest().getPath(), ex.toString());
            return upstreamFailed(exchange);
        }
        return internal(exchange, ex);
    }

    private static Mono<Void> upstreamFailed(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "upstream-failed",
                "目标服务处理请求时中断，未返回结果；请稍后重试（新建类请求请带同一 Idempotency-Key 重试，不会重复创建）");
    }

    private static Mono<Void> internal(ServerWebExchange exchange, Throwable ex) {
        log.error("网关处理请求 {} 时出错", exchange.getRequest().getPath(), ex);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "网关处理请求时出错，请稍后重试；如持续出现请联系管理员并提供 X-Request-Id");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
