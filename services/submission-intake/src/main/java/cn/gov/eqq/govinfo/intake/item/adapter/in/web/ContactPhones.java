package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ItemView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.PageView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.RevisionView;
import cn.gov.eqq.govinfo.intake.item.domain.ContactPhoneMask;
import cn.gov.eqq.govinfo.intake.item.domain.RevisionComparison;
import cn.gov.eqq.govinfo.platform.audit.PersonalDataReads;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Objects;

/**
 * Who sees a reporter's contact number in full: the people who call the reporter about the item — the information
 * room, and the item's own unit (reporters and unit leaders, who only ever see their own unit's items). Everyone
 * else (leaders who read, the system administrator, the dashboard) sees it masked, {@code 138****1234}. A read that
 * shows a full number is put in the service's audit log ({@link PersonalDataReads}); writes are there anyway.
 */
final class ContactPhones {

    static final String FIELD = "contactPhone";

    private ContactPhones() {
    }

    static boolean fullFor(CurrentUser user) {
        return user.hasAnyRole(Roles.INFO_ROOM, Roles.REPORTER, Roles.UNIT_LEADER);
    }

    static ItemView shown(CurrentUser user, ItemView view, HttpServletRequest read) {
        if (!fullFor(user)) {
            return view.masked();
        }
        disclosed(read, view.content().contactPhone() != null);
        return view;
    }

    static PageView shown(CurrentUser user, PageView page, HttpServletRequest read) {
        if (!fullFor(user)) {
            return page.masked();
        }
        disclosed(read, page.items().stream().anyMatch(i -> i.content().contactPhone() != null));
        return page;
    }

    static List<RevisionView> shown(CurrentUser user, List<RevisionView> revisions, HttpServletRequest read) {
        if (!fullFor(user)) {
            return revisions.stream().map(RevisionView::masked).toList();
        }
        disclosed(read, revisions.stream().anyMatch(r -> r.content().contactPhone() != null));
        return revisions;
    }

    static List<RevisionComparison.FieldChange> shownChanges(CurrentUser user,
                                                             List<RevisionComparison.FieldChange> changes,
                                                             HttpServletRequest read) {
        if (!fullFor(user)) {
            return changes.stream().map(c -> !c.field().equals(FIELD) ? c : new RevisionComparison.FieldChange(
                    c.field(), c.label(), ContactPhoneMask.mask(c.before()), ContactPhoneMask.mask(c.after())))
                    .toList();
        }
        disclosed(read, changes.stream().anyMatch(c -> c.field().equals(FIELD)
                && (Objects.nonNull(c.before()) || Objects.nonNull(c.after()))));
        return changes;
    }

    private static void disclosed(HttpServletRequest read, boolean anyNumber) {
        if (read != null && anyNumber) {
            PersonalDataReads.disclosed(read, FIELD);
        }
    }
}
