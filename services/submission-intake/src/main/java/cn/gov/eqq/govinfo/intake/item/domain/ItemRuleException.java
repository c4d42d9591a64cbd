package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.List;

/**
 * A rule of the item's life refused an action. {@link Kind} says how the caller should answer;
 * {@code code} is stable for machines, the message is Chinese for people.
 */
public class ItemRuleException extends RuntimeException {

    public enum Kind {
        /** The actor may not see this item at all: answer as if it did not exist. */
        NOT_FOUND,
        /** The actor sees it but lacks the role for this action. */
        FORBIDDEN,
        /** The item is not in a state that allows this action. */
        CONFLICT,
        /** The content breaks validation rules. */
        INVALID
    }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;

    public ItemRuleException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public ItemRuleException(Kind kind, String code, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
