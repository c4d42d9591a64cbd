package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation of an item's content. A draft may be incomplete (the reporter saves as they write) but must have a
 * title; a submission must carry everything the old e-mail subject had to carry and more.
 */
public final class ItemValidation {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_COUNTERMEASURES = 5_000;
    public static final int MAX_NAME = 50;
    /** Landline with or without area code (7622029, 0477-7622029) or a mobile number. */
    private static final Pattern PHONE = Pattern.compile("^(\\d{3,4}-?)?\\d{7,8}(-\\d{1,6})?$|^1\\d{10}$");

    private ItemValidation() {
    }

    public static List<Violation> forDraft(ItemContent c) {
        List<Violation> v = new ArrayList<>();
        if (c.title() == null) {
            v.add(new Violation("title", "标题不能为空"));
        }
        checkShape(c, v);
        return v;
    }

    public static List<Violation> forSubmission(ItemContent c) {
        List<Violation> v = new ArrayList<>();
        if (c.title() == null) {
            v.add(new Violation("title", "标题不能为空"));
        }
        if (c.body() == null) {
            v.add(new Violation("body", "正文不能为空"));
        }
        if (c.category() == null) {
            v.add(new Violation("category", "请选择信息类别（简讯类、动态类、综合类、问题类、调研报告）"));
        }
        if (c.polarity() == null) {
            v.add(new Violation("polarity", "请选择报喜或报忧"));
        }
        if (c.reporterName() == null) {
            v.add(new Violation("reporterName", "报送人不能为空"));
        }
        if (c.contactPhone() == null) {
            v.add(new Violation("contactPhone", "联系电话不能为空"));
        }
        if (c.concernsAProblem() && c.countermeasures() == null) {
            v.add(new Violation("countermeasures", "问题类（报忧）信息必须填写对策建议"));
        }
        checkShape(c, v);
        return v;
    }

    public static void requireValidDraft(ItemContent c) {
        throwIfAny(forDraft(c));
    }

    public static void requireValidSubmission(ItemContent c) {
        throwIfAny(forSubmission(c));
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ItemRuleException(ItemRuleException.Kind.INVALID, "item.invalid",
                    "信息内容不完整或有误：" + violations.get(0).message()
                            + (violations.size() > 1 ? "等" + violations.size() + "处问题" : ""),
                    violations);
        }
    }

    private static void checkShape(ItemContent c, List<Violation> v) {
        if (c.title() != null && c.title().codePointCount(0, c.title().length()) > MAX_TITLE) {
            v.add(new Violation("title", "标题不能超过" + MAX_TITLE + "字"));
        }
        if (c.body() != null && c.body().codePointCount(0, c.body().length()) > MAX_BODY) {
            v.add(new Violation("body", "正文不能超过" + MAX_BODY + "字"));
        }
        if (c.countermeasures() != null
                && c.countermeasures().codePointCount(0, c.countermeasures().length()) > MAX_COUNTERMEASURES) {
            v.add(new Violation("countermeasures", "对策建议不能超过" + MAX_COUNTERMEASURES + "字"));
        }
        if (c.reporterName() != null && c.reporterName().length() > MAX_NAME) {
            v.add(new Violation("reporterName", "报送人姓名不能超过" + MAX_NAME + "字"));
        }
        if (c.contactPhone() != null && !PHONE.matcher(c.contactPhone()).matches()) {
            v.add(new Violation("contactPhone", "联系电话格式不正确，请填写手机号或座机号（如 0477-7622029）"));
        }
    }
}
