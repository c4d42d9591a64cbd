package cn.gov.eqq.govinfo.commission.tasking.domain;

/** A command broke a rule of the commission; {@code code} is stable for machines, the message is for people. */
public class CommissionRuleViolation extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final String code;
    private final Kind kind;

    public CommissionRuleViolation(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static CommissionRuleViolation invalid(String code, String message) {
        return new CommissionRuleViolation(Kind.INVALID, code, message);
    }

    public static CommissionRuleViolation notFound(String code, String message) {
        return new CommissionRuleViolation(Kind.NOT_FOUND, code, message);
    }

    public static CommissionRuleViolation conflict(String code, String message) {
        return new CommissionRuleViolation(Kind.CONFLICT, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
