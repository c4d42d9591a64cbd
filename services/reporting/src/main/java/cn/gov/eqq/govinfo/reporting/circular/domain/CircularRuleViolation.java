package cn.gov.eqq.govinfo.reporting.circular.domain;

/** A step the circular's life does not allow now; {@code code} is stable, the message is for people. */
public final class CircularRuleViolation extends RuntimeException {

    private final String code;

    public CircularRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
