package cn.gov.eqq.govinfo.platform.audit;

import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.KeycloakJwt;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Appends one audit record for every state-changing request (POST, PUT, PATCH, DELETE) that reached a controller,
 * whatever its outcome: a refused attempt (403, 409, 422…) is as much on record as a change. Reads are not logged,
 * except a read that showed personal information in full ({@link PersonalDataReads}).
 * <p>
 * Runs after the response is complete, so the status is final. A failed write cannot undo the change already made: it
 * is logged at ERROR and counted ({@code govinfo.audit.write.failures}) for an alert (docs/audit.md).
 */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_HEADER_CHARS = 512;

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;
    private final Supplier<String> traceId;
    private final Counter failures;
    private final ClientAddressResolver clientAddress;

    public AuditInterceptor(AuditLog auditLog, String service, Clock clock, Supplier<String> traceId,
                            Counter failures, ClientAddressResolver clientAddress) {
        this.clientAddress = clientAddress;
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
        this.traceId = traceId;
        this.failures = failures;
    }

    /** Resolves the client address once, for the audit line and for business records ({@link ClientAddressResolver}). */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(ClientAddressResolver.ATTRIBUTE,
                clientAddress.resolve(request.getHeader("X-Forwarded-For"), request.getRemoteAddr()));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        boolean personalDataRead = PersonalDataReads.of(request) != null;
        if (!(STATE_CHANGING.contains(request.getMethod()) || personalDataRead) || !(handler instanceof HandlerMethod)) {
            return;
        }
        try {
            auditLog.append(record(request, response, ex));
        } catch (RuntimeException e) {
            if (failures != null) {
                failures.increment();
            }
            log.error("AUDIT WRITE FAILED for {} {} status {}: {}", request.getMethod(), request.getRequestURI(),
                    response.getStatus(), e.toString(), e);
        }
    }

    AuditRecord record(HttpServletRequest request, HttpServletResponse response, Exception ex) {
        // an exception that no handler turned into a response ends as a 500 even though the status still says 200
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String personalData = PersonalDataReads.of(request);
        if (personalData != null) {
            ids = new java.util.LinkedHashMap<>(ids == null ? Map.of() : ids);
            ids.put(PersonalDataReads.RESOURCE_KEY, personalData);
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        AuditRecord.Action action = new AuditRecord.Action(request.getMethod(), request.getRequestURI(),
                pattern == null ? null : pattern.toString(), ids, clip(response.getHeader(HttpHeaders.LOCATION)),
                status, AuditRecord.Outcome.of(status));
        return new AuditRecord(null, clock.instant(), service, actor(), origin(request), action);
    }

    private static AuditRecord.Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            CurrentUser user = KeycloakJwt.currentUser(jwt);
            return new AuditRecord.Actor(user.subject(), user.username(), user.unitId(), user.roles());
        }
        return AuditRecord.Actor.anonymous();
    }

    private AuditRecord.Origin origin(HttpServletRequest request) {
        String header = request.getHeader("X-Forwarded-For");
        String forwardedFor = clip(header);
        // the whole header, not the clipped one: the trustworthy entries are at its right-hand end
        String client = clip(clientAddress.resolve(header, request.getRemoteAddr()));
        String trace = traceId == null ? null : traceId.get();
        if (trace == null) {
            trace = traceIdOf(request.getHeader("traceparent"));
        }
        return new AuditRecord.Origin(client, forwardedFor, request.getRemoteAddr(),
                clip(request.getHeader(HttpHeaders.USER_AGENT)), clip(request.getHeader("X-Request-Id")), trace);
    }

    /** W3C trace context: {@code 00-<32 hex trace id>-<16 hex span id>-<flags>}. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.strip().split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }

    /** Headers are caller-controlled: keep the record small. */
    private static String clip(String value) {
        return value == null || value.length() <= MAX_HEADER_CHARS ? value : value.substring(0, MAX_HEADER_CHARS) + "…";
    }
}
