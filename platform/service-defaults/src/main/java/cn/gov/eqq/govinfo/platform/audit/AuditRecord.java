package cn.gov.eqq.govinfo.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One line of a service's append-only audit log: who changed (or tried to change) what, when, from where, and how
 * it ended. Written once, never updated or deleted.
 */
public record AuditRecord(String id, Instant at, String service, Actor actor, Origin origin, Action action) {

    public AuditRecord {
        if (at == null || service == null || actor == null || origin == null || action == null) {
            throw new IllegalArgumentException("审计记录缺少必要字段");
        }
    }

    /** Who: read from the verified access token (never from the request body). */
    public record Actor(String subject, String username, String unitId, Set<String> roles) {
        public Actor {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        static Actor anonymous() {
            return new Actor(null, null, null, Set.of());
        }
    }

    /**
     * From where. {@code clientAddress} is the first entry of {@code X-Forwarded-For} (what the gateway and the
     * ingress were told the client is), else the peer address; {@code forwardedFor} keeps the whole chain and
     * {@code peerAddress} the address that really connected, so a forged first entry stays visible.
     */
    public record Origin(String clientAddress, String forwardedFor, String peerAddress, String userAgent,
                         String requestId, String traceId) {
    }

    /**
     * What: the request and its outcome. {@code resourceIds} are the path variables (e.g. {@code itemId}),
     * {@code location} the {@code Location} of a created resource.
     */
    public record Action(String method, String path, String pattern, Map<String, String> resourceIds,
                         String location, int status, Outcome outcome) {
        public Action {
            resourceIds = resourceIds == null ? Map.of() : Map.copyOf(resourceIds);
        }
    }

    public enum Outcome {
        /** 1xx–3xx: the change was made. */
        SUCCEEDED,
        /** 4xx: refused (no permission, invalid, conflict): nothing changed, but the attempt is on record. */
        REFUSED,
        /** 5xx: failed on the server side. */
        FAILED;

        static Outcome of(int status) {
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
        }
    }
}
