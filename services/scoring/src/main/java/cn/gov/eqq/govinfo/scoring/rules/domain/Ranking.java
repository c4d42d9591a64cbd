package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.util.List;

/**
 * The ranking of one group for one period. Lines are ordered by points (high first), then by unit id; equal
 * points share a rank and the next rank skips (1, 1, 3).
 */
public record Ranking(int group, ReportingPeriod period, List<String> policyVersions, List<Line> lines) {

    public Ranking {
        policyVersions = List.copyOf(policyVersions);
        lines = List.copyOf(lines);
    }

    public record Line(int rank, UnitPeriodScore score) {
    }
}
