package cn.gov.eqq.govinfo.systemtest.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded generators of bad input for one operation (no property-testing library: ADR 0005). Each case is one
 * request with one thing wrong; {@link Case#mustBe4xx} is false only where the input may legitimately be accepted
 * (an odd but well-formed search text), and then only "no 5xx, problem body on refusal" is demanded.
 */
final class Fuzz {

    enum Kind {
        MALFORMED_JSON, WRONG_TYPE, HUGE_STRING, CONTROL_CHARACTERS, INVALID_UTF8, DEEP_NESTING, WRONG_TOP_LEVEL,
        BROKEN_MULTIPART, WEIRD_PATH_ID, WEIRD_QUERY_VALUE,
        /** a text field of direction characters (U+202E) or of zero-width characters only */
        INVISIBLE_OR_DIRECTION_TEXT,
        /** a lone surrogate escaped in the JSON text */
        LONE_SURROGATE,
        /** a value Jackson would coerce by default: true/123/1.5 for text, 1 or "true" for a flag, "12" for a number */
        COERCIBLE_TYPE,
        /** a date field as a number, or a year no record of this system can have */
        IMPOSSIBLE_DATE,
        /** a multipart body without a boundary, cut off, or with a NUL in the file name */
        MALFORMED_MULTIPART
    }

    /** Kinds that can never form a valid body, for operations whose valid call would change shared data. */
    static final List<Kind> NEVER_VALID = List.of(Kind.MALFORMED_JSON, Kind.WRONG_TYPE, Kind.INVALID_UTF8,
            Kind.DEEP_NESTING, Kind.WRONG_TOP_LEVEL, Kind.BROKEN_MULTIPART, Kind.WEIRD_PATH_ID,
            Kind.INVISIBLE_OR_DIRECTION_TEXT, Kind.LONE_SURROGATE, Kind.COERCIBLE_TYPE, Kind.IMPOSSIBLE_DATE,
            Kind.MALFORMED_MULTIPART);

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final String[] WEIRD_IDS = {
        "../../../etc/passwd", "{\"$gt\":\"\"}", "' OR '1'='1' --", "\u0000", "\u202e\u0007\u001b[31m",
        "一二三四五六七八九十".repeat(300), "%00", "😀😀😀", " ", "null", "-1", "99999999999999999999999", "$where",
        "a".repeat(5000), "U001\r\nX-Injected: 1"};
    private static final String[] WEIRD_VALUES = {
        "abc", "-1", "99999999999999999999999", "2026-13", "2026-Q9", "9999-99-99", "\u0000\u0001", "' OR 1=1 --",
        "{\"$ne\":null}", "中".repeat(20000), "\u202e", "1e309", "NaN", "true", "[]"};

    record Case(Kind kind, String description, Requests.Prepared request, boolean mustBe4xx) {

        @Override
        public String toString() {
            return kind + " " + description;
        }
    }

    private Fuzz() {
    }

    static List<Kind> applicable(Operation op, boolean neverValidOnly) {
        List<Kind> kinds = new ArrayList<>();
        if (op.jsonBody()) {
            kinds.addAll(List.of(Kind.MALFORMED_JSON, Kind.WRONG_TYPE, Kind.HUGE_STRING, Kind.CONTROL_CHARACTERS,
                    Kind.INVALID_UTF8, Kind.DEEP_NESTING, Kind.WRONG_TOP_LEVEL));
            ObjectNode example = exampleObject(op);
            if (!stringFields(example).isEmpty()) {
                kinds.addAll(List.of(Kind.INVISIBLE_OR_DIRECTION_TEXT, Kind.LONE_SURROGATE));
            }
            if (!example.propertyNames().isEmpty()) {
                kinds.add(Kind.COERCIBLE_TYPE);
            }
            if (!dateFields(example).isEmpty()) {
                kinds.add(Kind.IMPOSSIBLE_DATE);
            }
        } else if (op.hasBody()) {
            kinds.addAll(List.of(Kind.BROKEN_MULTIPART, Kind.INVALID_UTF8, Kind.HUGE_STRING));
            if (op.bodyType().startsWith("multipart/")) {
                kinds.add(Kind.MALFORMED_MULTIPART);
            }
        }
        if (!op.pathParameters().isEmpty()) {
            kinds.add(Kind.WEIRD_PATH_ID);
        }
        if (!op.queryParameters().isEmpty()) {
            kinds.add(Kind.WEIRD_QUERY_VALUE);
        }
        if (neverValidOnly) {
            kinds.retainAll(NEVER_VALID);
        }
        return kinds;
    }

    static Case next(Operation op, String unit, Kind kind, Random random) {
        Requests.Prepared base = Requests.of(op, unit);
        return switch (kind) {
            case MALFORMED_JSON -> {
                String example = exampleText(op);
                int cut = 1 + random.nextInt(Math.max(1, example.length() - 2));
                String broken = example.substring(0, cut) + (random.nextBoolean() ? "" : ",,}{\"");
                yield new Case(kind, "cut at " + cut, json(base, broken), true);
            }
            case WRONG_TYPE -> {
                ObjectNode body = exampleObject(op);
                String field = randomField(body, random);
                JsonNode original = body.get(field);
                // values Jackson never coerces into the declared type
                if (original == null || original.isString() || original.isNumber() || original.isBoolean()) {
                    body.set(field, random.nextBoolean() ? Requests.JSON.createObjectNode().put("x", 1)
                            : Requests.JSON.createArrayNode().add("a").add("b"));
                } else {
                    body.put(field, original.isArray() ? "不是列表" : "不是对象");
                }
                yield new Case(kind, field, json(base, Requests.JSON.writeValueAsString(body)), true);
            }
            case HUGE_STRING -> {
                if (!op.jsonBody()) {
                    byte[] big = "中文内容,".repeat(200_000).getBytes(StandardCharsets.UTF_8);
                    yield new Case(kind, "2.4 MB file", base.withBody(base.contentType(), op.bodyType()
                            .startsWith("multipart/") ? Requests.multipart("大文件.txt", "text/plain", big) : big), false);
                }
                ObjectNode body = exampleObject(op);
                String field = randomStringField(body, random);
                body.put(field, "长".repeat(200_000));
                yield new Case(kind, field + " 200000 chars",
                        json(base, Requests.JSON.writeValueAsString(body)), true);
            }
            case CONTROL_CHARACTERS -> {
                ObjectNode body = exampleObject(op);
                String field = randomStringField(body, random);
                body.put(field, "正文\u0000\u0007\u001b[31m\u202e\u0008结束");
                yield new Case(kind, field, json(base, Requests.JSON.writeValueAsString(body)), true);
            }
            case INVALID_UTF8 -> {
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xE4, (byte) 0xB8};
                if (!op.jsonBody()) {
                    ByteArrayOutputStream csv = new ByteArrayOutputStream();
                    csv.writeBytes("标题,单位\n".getBytes(StandardCharsets.UTF_8));
                    csv.writeBytes(bad);
                    byte[] content = csv.toByteArray();
                    yield new Case(kind, "file content", base.withBody(base.contentType(),
                            op.bodyType().startsWith("multipart/") ? Requests.multipart("坏编码.csv", "text/csv", content)
                                    : content), true);
                }
                ObjectNode body = exampleObject(op);
                String field = randomStringField(body, random);
                body.put(field, "@@BAD@@");
                byte[] text = Requests.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                yield new Case(kind, field, base.withBody("application/json", replace(text, "@@BAD@@", bad)), true);
            }
            case DEEP_NESTING -> {
                int depth = 2000 + random.nextInt(8000);
                String nested = "[".repeat(depth) + "]".repeat(depth);
                ObjectNode body = exampleObject(op);
                String field = randomField(body, random);
                String text = Requests.JSON.writeValueAsString(body.put(field, "@@NEST@@"))
                        .replace("\"@@NEST@@\"", nested);
                yield new Case(kind, field + " depth " + depth, json(base, text), true);
            }
            case WRONG_TOP_LEVEL -> {
                String[] tops = {"[]", "\"文本\"", "123", "null", "", "true", "[{}]"};
                String top = tops[random.nextInt(tops.length)];
                // an empty or null body for an operation whose body is optional is not bad input
                boolean optional = top.isEmpty() || top.equals("null");
                yield new Case(kind, "'" + top + "'", json(base, top), !optional || !bodyOptional(op));
            }
            case INVISIBLE_OR_DIRECTION_TEXT -> {
                ObjectNode body = exampleObject(op);
                String field = pick(stringFields(body), random);
                String[] values = {"\u200b\u200b\u200b", "\u200b\ufeff\u2060", "标题\u202e反转", "\u2066隔离\u2069"};
                String value = values[random.nextInt(values.length)];
                body.put(field, value);
                yield new Case(kind, field + "=" + abbreviate(value), json(base, Requests.JSON.writeValueAsString(body)),
                        true);
            }
            case LONE_SURROGATE -> {
                ObjectNode body = exampleObject(op);
                String field = pick(stringFields(body), random);
                body.put(field, "@@SURROGATE@@");
                String escape = random.nextBoolean() ? "\\ud800" : "前\\udc00后";
                String text = Requests.JSON.writeValueAsString(body).replace("@@SURROGATE@@", escape);
                yield new Case(kind, field, json(base, text), true);
            }
            case COERCIBLE_TYPE -> {
                ObjectNode body = exampleObject(op);
                String field = randomField(body, random);
                JsonNode original = body.get(field);
                String value;
                if (original != null && original.isBoolean()) {
                    value = random.nextBoolean() ? "1" : "\"true\"";
                } else if (original != null && original.isNumber()) {
                    value = random.nextBoolean() ? "\"12\"" : (original.isIntegralNumber() ? "1.5" : "true");
                } else {
                    String[] values = {"true", "123", "1.5"};
                    value = values[random.nextInt(values.length)];
                }
                String text = Requests.JSON.writeValueAsString(body.put(field, "@@VALUE@@"))
                        .replace("\"@@VALUE@@\"", value);
                yield new Case(kind, field + "=" + value, json(base, text), true);
            }
            case IMPOSSIBLE_DATE -> {
                ObjectNode body = exampleObject(op);
                String field = pick(dateFields(body), random);
                String[] values = {"20261201", "\"9999-12-31\"", "\"0001-01-01\"", "\"2026-02-30\""};
                String value = values[random.nextInt(values.length)];
                String text = Requests.JSON.writeValueAsString(body.put(field, "@@DATE@@"))
                        .replace("\"@@DATE@@\"", value);
                yield new Case(kind, field + "=" + value, json(base, text), true);
            }
            case MALFORMED_MULTIPART -> {
                int variant = random.nextInt(3);
                if (variant == 0) {
                    yield new Case(kind, "no boundary", base.withBody("multipart/form-data",
                            "x".getBytes(StandardCharsets.UTF_8)), true);
                }
                byte[] whole = Requests.multipart(variant == 1 ? "说明.txt" : "坏\u0000名.txt", "text/plain",
                        "内容".getBytes(StandardCharsets.UTF_8));
                byte[] body = variant == 1 ? java.util.Arrays.copyOf(whole, whole.length / 2) : whole;
                yield new Case(kind, variant == 1 ? "truncated" : "NUL in the file name",
                        base.withBody(base.contentType(), body), true);
            }
            case BROKEN_MULTIPART -> {
                byte[] broken = ("--wrong-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\n"
                        + "\r\n" + "x".repeat(random.nextInt(100))).getBytes(StandardCharsets.UTF_8);
                yield new Case(kind, "no closing boundary", base.withBody(base.contentType(), broken), true);
            }
            case WEIRD_PATH_ID -> {
                List<Operation.Parameter> params = op.pathParameters();
                Operation.Parameter target = params.get(random.nextInt(params.size()));
                String value = WEIRD_IDS[random.nextInt(WEIRD_IDS.length)];
                String path = op.pathWith(p -> Requests.encode(p == target ? value
                        : Requests.defaultPathValue(p, unit)));
                String query = base.pathAndQuery().contains("?")
                        ? base.pathAndQuery().substring(base.pathAndQuery().indexOf('?')) : "";
                yield new Case(kind, target.name() + "=" + abbreviate(value), base.withPathAndQuery(path + query), true);
            }
            case WEIRD_QUERY_VALUE -> {
                List<Operation.Parameter> params = op.queryParameters();
                Operation.Parameter target = params.get(random.nextInt(params.size()));
                String value = WEIRD_VALUES[random.nextInt(WEIRD_VALUES.length)];
                Map<String, String> query = new java.util.LinkedHashMap<>(Requests.defaultQuery(op));
                query.put(target.name(), value);
                String path = base.pathAndQuery().contains("?")
                        ? base.pathAndQuery().substring(0, base.pathAndQuery().indexOf('?')) : base.pathAndQuery();
                // free text may be anything: only "no 5xx" is demanded there
                yield new Case(kind, target.name() + "=" + abbreviate(value),
                        base.withPathAndQuery(path + Requests.query(op, query)), false);
            }
        };
    }

    private static boolean bodyOptional(Operation op) {
        return op.key().equals("POST /api/reporting/circulars/{id}/review");
    }

    private static Requests.Prepared json(Requests.Prepared base, String text) {
        return base.withBody("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String exampleText(Operation op) {
        JsonNode example = Requests.exampleJson(op);
        return example == null ? "{\"a\":\"b\"}" : Requests.JSON.writeValueAsString(example);
    }

    private static ObjectNode exampleObject(Operation op) {
        JsonNode example = Requests.exampleJson(op);
        return example instanceof ObjectNode object ? object : Requests.JSON.createObjectNode().put("text", "示例");
    }

    private static String randomField(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>(body.propertyNames());
        return names.isEmpty() ? "text" : names.get(random.nextInt(names.size()));
    }

    /** The example's text fields that hold free text or identifiers (not dates: those have their own kind). */
    private static List<String> stringFields(ObjectNode body) {
        List<String> names = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (body.get(name).isString() && !DATE.matcher(body.get(name).asString()).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> dateFields(ObjectNode body) {
        List<String> names = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (body.get(name).isString() && DATE.matcher(body.get(name).asString()).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String pick(List<String> names, Random random) {
        return names.get(random.nextInt(names.size()));
    }

    private static String randomStringField(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (body.get(name).isString()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? randomField(body, random) : names.get(random.nextInt(names.size()));
    }

    private static byte[] replace(byte[] text, String marker, byte[] with) {
        String s = new String(text, StandardCharsets.UTF_8);
        int at = s.indexOf(marker);
        byte[] before = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = s.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.writeBytes(with);
        out.writeBytes(after);
        return out.toByteArray();
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "\\\\c");
        return printable.length() > 24 ? printable.substring(0, 24) + "…(" + value.length() + ")" : printable;
    }
}
