package cn.gov.eqq.govinfo.platform.security;

/** Keycloak realm roles of the system (realm {@code govinfo}). Spring authorities are {@code ROLE_<role>}. */
public final class Roles {
    /** 报送人 / 信息员: drafts and submits items for their own unit. */
    public static final String REPORTER = "reporter";
    /** 单位分管信息工作领导: signs off major-event items of their own unit. */
    public static final String UNIT_LEADER = "unit-leader";
    /** 旗政府办信息室: receives, returns, voids, forwards; records adoptions; issues commissions; publishes circulars. */
    public static final String INFO_ROOM = "info-room";
    /** 领导 / 查看: reads rankings, circulars, statistics. */
    public static final String VIEWER = "viewer";
    /** 系统管理员: units, users, scoring policy; grants no role and reads no audit log (三员分立). */
    public static final String ADMIN = "admin";
    /** 安全管理员: grants and revokes roles (in Keycloak); no business data, no audit log. */
    public static final String SECURITY_ADMIN = "security-admin";
    /** 安全审计员: alone reads, exports and verifies the audit logs; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** 市考核看板: machine client, read-only. */
    public static final String DASHBOARD = "dashboard";

    /** The roles that do the system's business; the auditor and the security administrator are not among them. */
    public static final java.util.List<String> BUSINESS = java.util.List.of(REPORTER, UNIT_LEADER, INFO_ROOM, VIEWER,
            ADMIN, DASHBOARD);

    private Roles() {
    }
}
