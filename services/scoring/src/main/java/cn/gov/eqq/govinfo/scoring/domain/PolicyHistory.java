package cn.gov.eqq.govinfo.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every policy version, ordered by effective date. A fact is scored by the version in force on its Beijing date;
 * a date before the first version uses the first version (the system knows no older rules).
 */
public final class PolicyHistory {

    private final List<ScoringPolicy> versions;

    private PolicyHistory(List<ScoringPolicy> versions) {
        this.versions = List.copyOf(versions);
    }

    /** @throws InvalidPolicyException when a version is invalid or two versions share a name or a date */
    public static PolicyHistory of(List<ScoringPolicy> versions) {
        if (versions.isEmpty()) {
            throw new InvalidPolicyException(List.of("至少需要一个积分标准版本"));
        }
        List<ScoringPolicy> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(ScoringPolicy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ScoringPolicy p = sorted.get(i);
            PolicyValidation.problemsOf(p).forEach(m -> problems.add("版本 " + p.version() + "：" + m));
            for (int j = 0; j < i; j++) {
                ScoringPolicy q = sorted.get(j);
                if (q.version() != null && q.version().equals(p.version())) {
                    problems.add("版本号 " + p.version() + " 重复");
                }
                if (q.effectiveFrom() != null && q.effectiveFrom().equals(p.effectiveFrom())) {
                    problems.add("版本 " + q.version() + " 与 " + p.version() + " 的生效日期相同：" + p.effectiveFrom());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new PolicyHistory(sorted);
    }

    /**
     * A new version may only take effect after today and after every existing version, so that a past period
     * recomputed later gives the result it gave before. (A draft for a past period goes through what-if instead.)
     */
    public PolicyHistory adding(ScoringPolicy draft, LocalDate today) {
        List<String> problems = new ArrayList<>(PolicyValidation.problemsOf(draft));
        if (draft.effectiveFrom() != null) {
            if (!draft.effectiveFrom().isAfter(today)) {
                problems.add("新版本的生效日期必须晚于今天（" + today + "），以免改变已经计算过的期间");
            }
            ScoringPolicy latest = latest();
            if (!draft.effectiveFrom().isAfter(latest.effectiveFrom())) {
                problems.add("新版本的生效日期必须晚于现行最新版本 " + latest.version() + " 的生效日期（"
                        + latest.effectiveFrom() + "）");
            }
        }
        if (draft.version() != null && versions.stream().anyMatch(v -> v.version().equals(draft.version()))) {
            problems.add("版本号 " + draft.version() + " 已存在");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        List<ScoringPolicy> all = new ArrayList<>(versions);
        all.add(draft);
        return of(all);
    }

    /**
     * The history with a draft that replaces whatever is in force from the draft's date on: used by what-if to
     * recompute a past period under other rules. Nothing is saved.
     */
    public PolicyHistory withDraft(ScoringPolicy draft) {
        List<String> problems = PolicyValidation.problemsOf(draft);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        List<ScoringPolicy> kept = new ArrayList<>(versions.stream()
                .filter(v -> v.effectiveFrom().isBefore(draft.effectiveFrom()))
                .filter(v -> !v.version().equals(draft.version()))
                .toList());
        kept.add(draft);
        return of(kept);
    }

    public ScoringPolicy inForceOn(LocalDate beijingDate) {
        ScoringPolicy found = versions.get(0);
        for (ScoringPolicy v : versions) {
            if (!v.effectiveFrom().isAfter(beijingDate)) {
                found = v;
            }
        }
        return found;
    }

    public ScoringPolicy inForceAt(Instant instant) {
        return inForceOn(Period.beijingDateOf(instant));
    }

    /** The versions in force for at least one day of the period, in order. */
    public List<ScoringPolicy> inForceDuring(Period period) {
        List<ScoringPolicy> out = new ArrayList<>();
        for (ScoringPolicy v : versions) {
            ScoringPolicy atStart = inForceOn(period.firstDay());
            if (v == atStart || (v.effectiveFrom().isAfter(period.firstDay())
                    && !v.effectiveFrom().isAfter(period.lastDay()))) {
                out.add(v);
            }
        }
        return out;
    }

    public ScoringPolicy latest() {
        return versions.get(versions.size() - 1);
    }

    public List<ScoringPolicy> versions() {
        return versions;
    }
}
