package cn.gov.eqq.govinfo.platform.security;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;

import java.util.Set;

/**
 * The person (or machine client) behind a request, read from the verified access token. The unit comes only from
 * the token ({@code unit_id} claim), never from a request body.
 */
public record CurrentUser(String subject, String username, String displayName, String unitId, Set<String> roles) {

    public CurrentUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The user's unit, or a 403 problem when the account belongs to no unit. */
    public String requireUnit() {
        if (unitId == null || unitId.isBlank()) {
            throw ApiProblem.forbidden("当前账号未关联报送单位，无法执行此操作");
        }
        return unitId;
    }

    /** A name for audit trails: the username, else the subject. */
    public String actor() {
        return username != null ? username : subject;
    }
}
