package cn.gov.eqq.govinfo.platform.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Request bodies of every service: a text field takes only a JSON string that passes {@link TextRule} (no
 * {@code true}, {@code 123} or {@code 1.5} turned into text), a date only an ISO string {@code yyyy-MM-dd} inside
 * {@link DateRule} (no number read as days since 1970, no year 9999). Registered on Boot's JSON mapper by
 * {@link InputRulesAutoConfiguration}; the event codec and the services' own mappers are not touched.
 */
public final class StrictJsonModule extends SimpleModule {

    public StrictJsonModule() {
        super("govinfo-strict-json");
        addDeserializer(String.class, new RuledString());
        addDeserializer(LocalDate.class, new RuledDate());
    }

    static final class RuledString extends StdScalarDeserializer<String> {

        RuledString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new InputRuleViolation(p, "应为文本（带引号的字符串）", String.class);
            }
            String text = p.getString();
            String violation = TextRule.violation(text);
            if (violation != null) {
                throw new InputRuleViolation(p, violation, String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class RuledDate extends StdScalarDeserializer<LocalDate> {

        RuledDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new InputRuleViolation(p, "应为日期文本，格式为 yyyy-MM-dd", LocalDate.class);
            }
            String text = p.getString().strip();
            if (text.isEmpty()) {
                return null; // an empty date field of a form is no date, as before
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InputRuleViolation(p, "不是有效的日期，格式应为 yyyy-MM-dd", LocalDate.class);
            }
            String violation = DateRule.violation(date);
            if (violation != null) {
                throw new InputRuleViolation(p, violation, LocalDate.class);
            }
            return date;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
