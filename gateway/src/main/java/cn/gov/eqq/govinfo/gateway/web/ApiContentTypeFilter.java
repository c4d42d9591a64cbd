package cn.gov.eqq.govinfo.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The body of an API call is JSON, an upload ({@code multipart/form-data}) or a CSV import ({@code text/csv},
 * {@code text/plain}); nothing else reaches a service. Above all no HTML form ({@code application/x-www-form-urlencoded}):
 * Spring Security's CSRF check reads a form body to look for {@code _csrf}, and the body it read was then missing
 * from the relayed call, whose service waited a minute for it. Refused here with 415, before security, so no filter
 * ever consumes the body of an API call. The portal's sign-out form ({@code /logout}) is no API call.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiContentTypeFilter implements WebFilter {

    static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
            MediaType.MULTIPART_FORM_DATA, new MediaType("text", "csv"), MediaType.TEXT_PLAIN);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().pathWithinApplication().value().startsWith("/api/") || !carriesBody(request.getMethod())) {
            return chain.filter(exchange);
        }
        String declared = request.getHeaders().getFirst("Content-Type");
        if (declared == null) {
            return chain.filter(exchange); // no body, or the service answers 415 for the one it needs
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            return refuse(exchange);
        }
        return ACCEPTED.stream().anyMatch(accepted -> accepted.includes(type)) ? chain.filter(exchange) : refuse(exchange);
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "接口只接受 application/json（上传文件为 multipart/form-data，导入为 text/csv），不接受表单等其他内容类型");
    }
}
