package cn.gov.eqq.govinfo.platform.input;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;

/**
 * {@link TextRule} for what is not JSON: query and path parameters and the text parts of a multipart request
 * ({@code ?title=} of a filing). A refused value fails the conversion of its parameter; the problem handler answers
 * 400 with the parameter and the reason.
 */
@ControllerAdvice
public class TextParameterRule {

    @InitBinder
    void textRule(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    /** A refused parameter value; its message is the Chinese reason. */
    public static final class Violation extends IllegalArgumentException {
        Violation(String message) {
            super(message);
        }
    }

    private static final class Editor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            String violation = TextRule.violation(text);
            if (violation != null) {
                throw new Violation(violation);
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
