package cn.gov.eqq.govinfo.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;

/**
 * A JSON value of the right type that breaks an input rule ({@link TextRule}, {@link DateRule}), or a value of the
 * wrong JSON type. Jackson adds the path of the field as the exception travels up, so the problem handler can name
 * the field; the message is Chinese, for the person.
 */
public class InputRuleViolation extends MismatchedInputException {

    InputRuleViolation(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }

    /** The dotted field path of a databind failure ({@code items[2].title}), or {@code null} at the top level. */
    public static String fieldOf(JacksonException ex) {
        List<JacksonException.Reference> path = ex.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }
}
