package cn.gov.eqq.govinfo.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The longest address a caller may send: longer ones get a Chinese 414 problem. Netty itself refuses an over-long
 * request line with an empty 414, which tells a person nothing; so its limit ({@code server.netty.max-initial-line-length})
 * is set far above this one and the rule is the application's, answered like every other refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UrlLengthFilter implements WebFilter {

    private final int maxLength;

    UrlLengthFilter(@Value("${govinfo.gateway.max-url-length:8192}") int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = raw.length() + (query == null ? 0 : query.length() + 1);
        if (length <= maxLength) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
                "请求地址过长（" + length + " 个字符，最多 " + maxLength + " 个），请缩短查询条件或标识");
    }
}
