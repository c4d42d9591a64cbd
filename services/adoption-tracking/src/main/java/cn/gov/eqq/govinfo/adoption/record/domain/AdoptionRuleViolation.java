package cn.gov.eqq.govinfo.adoption.record.domain;

/** A rule of the domain said no. {@code code} is stable for machines; the message is Chinese for people. */
public class AdoptionRuleViolation extends RuntimeException {

    private final String code;

    public AdoptionRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
