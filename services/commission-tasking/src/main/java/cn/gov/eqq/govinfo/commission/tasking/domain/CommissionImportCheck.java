package cn.gov.eqq.govinfo.commission.tasking.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an import (补录) of past commissions whole: every entry is looked at and every problem is told, in Chinese,
 * with where it is; only a file without problems is planned. Unlike a live commission, a deadline may lie in the
 * past (that is what history is); answers and judgements must lie in the past and in a sensible order.
 */
public final class CommissionImportCheck {

    /** What the import is checked against: the units and commissions already known. */
    public interface Known {
        /** A unit id known to the directory (active or not: a unit that has since left still had its history). */
        boolean unit(String unitId);

        boolean commission(String commissionId);

        /** The commission an item already answers, if any. */
        Optional<String> commissionAnsweredBy(String itemId);
    }

    public record Result(List<PastCommission> commissions, List<ImportProblem> problems) {
        public boolean acceptable() {
            return problems.isEmpty();
        }
    }

    public static final int MAX_COMMISSIONS = 2000;
    private static final Pattern ID = Pattern.compile("CMS-[A-Za-z0-9-]{1,60}");

    private CommissionImportCheck() {
    }

    public static Result check(List<PastCommissionRow> rows, Known known, Instant now) {
        List<ImportProblem> problems = new ArrayList<>();
        List<PastCommission> planned = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            problems.add(new ImportProblem("commissions", "导入内容为空：请至少填写一条约稿"));
            return new Result(List.of(), problems);
        }
        if (rows.size() > MAX_COMMISSIONS) {
            problems.add(new ImportProblem("commissions", "一次最多导入 " + MAX_COMMISSIONS + " 条约稿，请分批导入"));
            return new Result(List.of(), problems);
        }
        Map<String, String> idsInFile = new HashMap<>();
        Map<String, String> itemsInFile = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "第" + (i + 1) + "条约稿";
            PastCommission c = checkOne(rows.get(i), at, known, now, problems, idsInFile, itemsInFile);
            if (c != null) {
                planned.add(c);
            }
        }
        return new Result(problems.isEmpty() ? List.copyOf(planned) : List.of(), List.copyOf(problems));
    }

    private static PastCommission checkOne(PastCommissionRow row, String at, Known known, Instant now,
                                           List<ImportProblem> problems, Map<String, String> idsInFile,
                                           Map<String, String> itemsInFile) {
        int before = problems.size();
        String title = trimmed(row == null ? null : row.title());
        if (row == null) {
            problems.add(new ImportProblem(at, "该条约稿为空"));
            return null;
        }
        if (title == null) {
            problems.add(new ImportProblem(at + ".title", "约稿标题不能为空"));
        } else if (title.length() > Commission.MAX_TITLE) {
            problems.add(new ImportProblem(at + ".title", "约稿标题不能超过" + Commission.MAX_TITLE + "字"));
        }
        String requirements = trimmed(row.requirements());
        if (requirements == null) {
            problems.add(new ImportProblem(at + ".requirements", "约稿要求不能为空"));
        } else if (requirements.length() > Commission.MAX_REQUIREMENTS) {
            problems.add(new ImportProblem(at + ".requirements", "约稿要求不能超过" + Commission.MAX_REQUIREMENTS + "字"));
        }
        LinkedHashSet<String> targets = new LinkedHashSet<>();
        if (row.targetUnitIds().isEmpty()) {
            problems.add(new ImportProblem(at + ".targetUnitIds", "请至少填写一个约稿单位"));
        }
        for (String raw : row.targetUnitIds()) {
            String unit = trimmed(raw);
            if (unit == null || !known.unit(unit)) {
                problems.add(new ImportProblem(at + ".targetUnitIds",
                        "约稿单位不存在：" + (unit == null ? "（空）" : unit)));
            } else if (!targets.add(unit)) {
                problems.add(new ImportProblem(at + ".targetUnitIds", "约稿单位重复：" + unit));
            }
        }
        LocalDateTime deadlineMinute = beijing(row.deadline(), at + ".deadline", "截止时间", problems);
        Deadline deadline = deadlineMinute == null ? null : Deadline.ofBeijingMinute(deadlineMinute);
        if (deadline != null && deadline.instant().isAfter(now.plus(Commission.MAX_HORIZON))) {
            problems.add(new ImportProblem(at + ".deadline", "截止时间 " + deadline.display() + " 距今超过两年，请核对"));
        }
        LocalDateTime issued = beijing(row.issuedAt(), at + ".issuedAt", "下达时间", problems);
        Instant issuedAt = issued == null ? null : BeijingTime.toInstant(issued);
        if (issuedAt != null && issuedAt.isAfter(now)) {
            problems.add(new ImportProblem(at + ".issuedAt", "下达时间 " + BeijingTime.display(issuedAt) + " 晚于现在，补录只收已发生的事"));
        }
        if (issuedAt != null && deadline != null && issuedAt.isAfter(deadline.instant())) {
            problems.add(new ImportProblem(at + ".deadline", "截止时间早于下达时间"));
        }

        String id = trimmed(row.id());
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new ImportProblem(at + ".id", "约稿编号须以 CMS- 开头，只含字母、数字和连字符：" + id));
        } else if (id == null && title != null && deadline != null && !targets.isEmpty()) {
            id = derivedId(title, deadline, targets);
        }
        if (id != null) {
            String earlier = idsInFile.putIfAbsent(id, at);
            if (earlier != null) {
                problems.add(new ImportProblem(at + ".id", "与" + earlier + "是同一约稿（" + id + "），请勿重复填写"));
            } else if (known.commission(id)) {
                problems.add(new ImportProblem(at + ".id", "约稿 " + id + " 已存在，不能再次补录"));
            }
        }

        List<PastCommission.Answer> answers = new ArrayList<>();
        for (int j = 0; j < row.answers().size(); j++) {
            PastCommission.Answer a = checkAnswer(row.answers().get(j), at + ".答复第" + (j + 1) + "条", targets,
                    issuedAt, now, known, id, problems, itemsInFile);
            if (a != null) {
                answers.add(a);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new PastCommission(id, title, requirements, List.copyOf(targets), issuedAt, deadline, answers);
    }

    private static PastCommission.Answer checkAnswer(PastCommissionRow.Answer a, String at, Set<String> targets,
                                                     Instant issuedAt, Instant now, Known known, String commissionId,
                                                     List<ImportProblem> problems, Map<String, String> itemsInFile) {
        int before = problems.size();
        String unit = trimmed(a.unitId());
        if (unit == null) {
            problems.add(new ImportProblem(at + ".unitId", "请填写答复单位"));
        } else if (!targets.contains(unit)) {
            problems.add(new ImportProblem(at + ".unitId", "单位 " + unit + " 不在该约稿的约稿单位之中"));
        }
        String item = trimmed(a.itemId());
        if (item == null) {
            problems.add(new ImportProblem(at + ".itemId", "请填写答复的信息编号"));
        } else {
            String earlier = itemsInFile.putIfAbsent(item, at);
            Optional<String> answering = known.commissionAnsweredBy(item);
            if (earlier != null) {
                problems.add(new ImportProblem(at + ".itemId", "信息 " + item + " 已在" + earlier + "中作为答复"));
            } else if (answering.isPresent()) {
                problems.add(new ImportProblem(at + ".itemId", "信息 " + item + " 已是约稿 " + answering.get() + " 的答复"));
            }
        }
        int revision = a.revision() == null ? 1 : a.revision();
        if (revision < 1) {
            problems.add(new ImportProblem(at + ".revision", "稿次须为 1 或更大"));
        }
        LocalDateTime answered = beijing(a.answeredAt(), at + ".answeredAt", "答复时间", problems);
        Instant answeredAt = answered == null ? null : BeijingTime.toInstant(answered);
        if (answeredAt != null && answeredAt.isAfter(now)) {
            problems.add(new ImportProblem(at + ".answeredAt", "答复时间晚于现在，补录只收已发生的事"));
        }
        if (answeredAt != null && issuedAt != null && answeredAt.isBefore(issuedAt)) {
            problems.add(new ImportProblem(at + ".answeredAt", "答复时间早于约稿下达时间"));
        }
        Instant judgedAt = null;
        String reason = trimmed(a.reason());
        if (a.accepted() != null) {
            LocalDateTime judged = beijing(a.judgedAt(), at + ".judgedAt", "审核时间", problems);
            judgedAt = judged == null ? null : BeijingTime.toInstant(judged);
            if (judgedAt != null && judgedAt.isAfter(now)) {
                problems.add(new ImportProblem(at + ".judgedAt", "审核时间晚于现在，补录只收已发生的事"));
            }
            if (judgedAt != null && answeredAt != null && judgedAt.isBefore(answeredAt)) {
                problems.add(new ImportProblem(at + ".judgedAt", "审核时间早于答复时间"));
            }
            if (!a.accepted() && reason == null) {
                problems.add(new ImportProblem(at + ".reason", "不采纳时必须填写理由"));
            }
        } else if (trimmed(a.judgedAt()) != null || reason != null) {
            problems.add(new ImportProblem(at + ".accepted", "填写了审核时间或理由，却未填写是否采纳（accepted）"));
        }
        if (reason != null && reason.length() > Commission.MAX_REASON) {
            problems.add(new ImportProblem(at + ".reason", "理由不能超过" + Commission.MAX_REASON + "字"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new PastCommission.Answer(unit, item, revision, answeredAt, a.accepted(), reason, judgedAt);
    }

    /** Beijing date-time to the minute or second, with {@code T} or a space; null (and a problem) when unreadable. */
    private static LocalDateTime beijing(String text, String where, String what, List<ImportProblem> problems) {
        String t = trimmed(text);
        if (t == null) {
            problems.add(new ImportProblem(where, "请填写" + what + "（北京时间，如 2026-03-31 17:00）"));
            return null;
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(where, what + "“" + t + "”无法识别，请写成 2026-03-31 17:00 的形式（北京时间）"));
            return null;
        }
    }

    /** The same commission (title, deadline, target units) gets the same id in every file. */
    static String derivedId(String title, Deadline deadline, Collection<String> targets) {
        String key = title + "|" + deadline.instant() + "|" + String.join(",", new TreeSet<>(targets));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "CMS-H-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
