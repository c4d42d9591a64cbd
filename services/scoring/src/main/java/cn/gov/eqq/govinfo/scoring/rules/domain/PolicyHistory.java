package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every policy version, ordered by effective date. A fact is scored by the version in force on its Beijing date;
 * before the first version's date nothing is in force and nothing scores (no points, no quota, no deduction).
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
     * Adds a version from the date the administrator chose — in the future or back in the past. It governs from its
     * date until the next version's date, so it is refused when that span reaches a day of a published circular
     * (whose figures are the official record), naming the circular; a past period that no published circular covers
     * is simply scored again under it.
     */
    public PolicyHistory adding(ScoringPolicy draft, Collection<PublishedCircular> published) {
        List<String> problems = new ArrayList<>(PolicyValidation.problemsOf(draft));
        if (draft.version() != null && versions.stream().anyMatch(v -> v.version().equals(draft.version()))) {
            problems.add("版本号 " + draft.version() + " 已存在");
        }
        if (draft.effectiveFrom() != null) {
            versions.stream().filter(v -> v.effectiveFrom().equals(draft.effectiveFrom())).findFirst()
                    .ifPresent(v -> problems.add("版本 " + v.version() + " 已自 " + v.effectiveFrom()
                            + " 起生效，同一天只能有一个版本"));
            LocalDate until = nextAfter(draft.effectiveFrom()).orElse(null);
            published.stream()
                    .filter(c -> c.overlaps(draft.effectiveFrom(), until))
                    .sorted(Comparator.comparing(PublishedCircular::period))
                    .forEach(c -> problems.add("自 " + draft.effectiveFrom() + " 起生效"
                            + (until == null ? "" : "（至 " + until.minusDays(1) + "）")
                            + "将改变已发布的通报" + c.named() + "中的积分和排名，不能采用；已发布通报涵盖的期间不能更改积分标准"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        List<ScoringPolicy> all = new ArrayList<>(versions);
        all.add(draft);
        return of(all);
    }

    /**
     * The history with a draft placed at its date as if it were added (a version of the same name or date is
     * replaced; later versions stay in force from their dates): what-if recomputes a period under it, and saving the
     * draft as a version gives exactly what what-if showed. Nothing is saved.
     */
    public PolicyHistory withDraft(ScoringPolicy draft) {
        List<String> problems = PolicyValidation.problemsOf(draft);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        List<ScoringPolicy> kept = new ArrayList<>(versions.stream()
                .filter(v -> !v.effectiveFrom().equals(draft.effectiveFrom()))
                .filter(v -> !v.version().equals(draft.version()))
                .toList());
        kept.add(draft);
        return of(kept);
    }

    /** The version in force on a Beijing date; empty before the first version (nothing scores then). */
    public Optional<ScoringPolicy> inForceOn(LocalDate beijingDate) {
        ScoringPolicy found = null;
        for (ScoringPolicy v : versions) {
            if (!v.effectiveFrom().isAfter(beijingDate)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<ScoringPolicy> inForceAt(Instant instant) {
        return inForceOn(BeijingTime.dateOf(instant));
    }

    /** The effective date of the first version after {@code date}, if any: where a version from that date stops. */
    public Optional<LocalDate> nextAfter(LocalDate date) {
        return versions.stream().map(ScoringPolicy::effectiveFrom).filter(d -> d.isAfter(date)).findFirst();
    }

    /** The versions in force for at least one day of the period, in order. */
    public List<ScoringPolicy> inForceDuring(ReportingPeriod period) {
        ScoringPolicy atStart = inForceOn(period.firstDay()).orElse(null);
        List<ScoringPolicy> out = new ArrayList<>();
        for (ScoringPolicy v : versions) {
            if (v == atStart || (v.effectiveFrom().isAfter(period.firstDay())
                    && !v.effectiveFrom().isAfter(period.lastDay()))) {
                out.add(v);
            }
        }
        return out;
    }

    /** The first day anything scores. */
    public LocalDate firstDay() {
        return versions.get(0).effectiveFrom();
    }

    public ScoringPolicy latest() {
        return versions.get(versions.size() - 1);
    }

    public List<ScoringPolicy> versions() {
        return versions;
    }
}
