package cn.gov.eqq.govinfo.intake.shared.adapter.in.web;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.audit.ClientAddressResolver;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.stream.Collectors;

/** The token's user as the domain sees it, and where the request came from (for the audit trail). */
public final class Actors {

    private Actors() {
    }

    public static Actor of(CurrentUser user) {
        String unit = user.unitId() == null || user.unitId().isBlank() ? null : user.unitId();
        return new Actor(user.actor(), user.displayName(), unit, user.roles().stream()
                .map(Role::fromWireName).flatMap(Optional::stream).collect(Collectors.toSet()));
    }

    public static String origin(HttpServletRequest request) {
        // the right-most address that is not one of our proxies, as in the request audit log (docs/audit.md)
        return ClientAddressResolver.clientAddressOf(request);
    }
}
