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
    /** 管理员: units, users, scoring policy. */
    public static final String ADMIN = "admin";
    /** 市考核看板: machine client, read-only. */
    public static final String DASHBOARD = "dashboard";

    private Roles() {
    }
}
