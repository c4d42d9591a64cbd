package cn.gov.eqq.govinfo.platform.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a read that showed personal information in full (a reporter's contact number): the audit interceptor then
 * records the read like a change, with {@code resourceIds.personalData} naming what was shown. Reads are otherwise
 * not recorded (docs/audit.md).
 */
public final class PersonalDataReads {

    static final String ATTRIBUTE = PersonalDataReads.class.getName();
    /** The key under {@code action.resourceIds} that names the personal data a read showed. */
    public static final String RESOURCE_KEY = "personalData";

    private PersonalDataReads() {
    }

    /** @param what e.g. {@code contactPhone} */
    public static void disclosed(HttpServletRequest request, String what) {
        request.setAttribute(ATTRIBUTE, what);
    }

    static String of(HttpServletRequest request) {
        Object what = request.getAttribute(ATTRIBUTE);
        return what == null ? null : what.toString();
    }
}
