package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a policy version before it may be used; every problem is a Chinese sentence for the administrator. */
public final class PolicyValidation {

    private PolicyValidation() {
    }

    public static List<String> problemsOf(ScoringPolicy p) {
        List<String> problems = new ArrayList<>();
        if (p.version() == null || p.version().isBlank()) {
            problems.add("版本号不能为空");
        } else if (!p.version().matches("[0-9A-Za-z._-]{1,40}")) {
            problems.add("版本号只能由字母、数字、点、下划线和连字符组成，最长40个字符");
        }
        if (p.effectiveFrom() == null) {
            problems.add("生效日期不能为空");
        }
        if (p.categories().isEmpty()) {
            problems.add("至少要有一个信息类别及其积分");
        }
        p.categories().forEach((name, rule) -> {
            if (rule == null || rule.label() == null || rule.label().isBlank()) {
                problems.add("信息类别 " + name + " 缺少中文名称");
            } else if (rule.points() < 0) {
                problems.add("信息类别“" + rule.label() + "”的积分不能为负数");
            }
        });
        if (p.forwardPoints() < 0) {
            problems.add("转报市政府加分不能为负数");
        }
        if (p.commissionPoints() < 0) {
            problems.add("约稿加分不能为负数");
        }
        if (p.adoptionKinds().isEmpty()) {
            problems.add("至少要有一种采用或批示类型");
        }
        p.adoptionKinds().forEach((name, rule) -> {
            if (rule == null || rule.label() == null || rule.label().isBlank()
                    || rule.shortLabel() == null || rule.shortLabel().isBlank()) {
                problems.add("采用/批示类型 " + name + " 缺少中文名称");
            } else if (rule.points() < 0) {
                problems.add("采用/批示类型“" + rule.label() + "”的积分不能为负数");
            }
        });
        if (p.monthlyQuota().isEmpty()) {
            problems.add("至少要为一个分组设定每月基础条数");
        }
        for (Map.Entry<Integer, Integer> q : p.monthlyQuota().entrySet()) {
            if (q.getKey() == null || q.getKey() < 1) {
                problems.add("分组编号必须是正整数");
            }
            if (q.getValue() == null || q.getValue() < 0) {
                problems.add("第" + q.getKey() + "组的每月基础条数不能为负数");
            }
        }
        for (Integer group : p.monthlyQuota().keySet()) {
            if (group != null && !p.shortfall().containsKey(group)) {
                problems.add("缺少第" + group + "组未完成基础条数的扣分梯次");
            }
        }
        p.shortfall().forEach((group, rule) -> {
            if (group == null || !p.monthlyQuota().containsKey(group)) {
                problems.add("扣分梯次所属的第" + group + "组没有设定每月基础条数");
            } else {
                problems.addAll(shortfallProblems("第" + group + "组", rule));
            }
        });
        return List.copyOf(problems);
    }

    private static List<String> shortfallProblems(String group, ShortfallRule rule) {
        List<String> problems = new ArrayList<>();
        if (rule == null) {
            problems.add("缺少" + group + "未完成基础条数的扣分梯次");
            return problems;
        }
        if (rule.nothingReceived() > 0) {
            problems.add(group + "当月未报送信息的扣分应为零或负数");
        }
        int nextFrom = 1;
        for (int i = 0; i < rule.tiers().size(); i++) {
            ShortfallTier t = rule.tiers().get(i);
            String name = group + "第" + (i + 1) + "档扣分梯次";
            if (t == null) {
                problems.add(name + "为空");
                continue;
            }
            if (t.deduction() > 0) {
                problems.add(name + "的扣分应为零或负数");
            }
            if (t.fromShortfall() < 1) {
                problems.add(name + "的起始差额至少为1条");
            }
            if (t.toShortfall() != null && t.toShortfall() < t.fromShortfall()) {
                problems.add(name + "的结束差额不能小于起始差额");
            }
            if (t.fromShortfall() < nextFrom) {
                problems.add(name + "与前一档重叠或顺序颠倒");
            }
            if (t.toShortfall() == null && i < rule.tiers().size() - 1) {
                problems.add(name + "没有上限，只能是最后一档");
            }
            nextFrom = t.toShortfall() == null ? Integer.MAX_VALUE : t.toShortfall() + 1;
        }
        return problems;
    }
}
