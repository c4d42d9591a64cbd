package cn.gov.eqq.govinfo.reporting.statistics.application;

import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The office's statistics per unit and month, from the facts as known now. Computing them reads every fact, so a
 * reading is kept and answered again while no fact has changed and the Beijing minute is the same: the figures depend
 * on the time only through months begun and deadlines passed, and deadlines are whole minutes.
 */
public class ReadingStatistics {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final FactStore facts;
    private final KeptStatistics kept;
    private final StatisticsCalculator calculator;
    private final Clock clock;

    public ReadingStatistics(FactStore facts, KeptStatistics kept, StatisticsCalculator calculator, Clock clock) {
        this.facts = facts;
        this.kept = kept;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** Every month of the period; one unit when {@code unitId} is given. */
    public List<UnitMonthStatistics> of(ReportingPeriod period, String unitId) {
        Instant now = clock.instant();
        String minute = MINUTE.format(now.atZone(BeijingTime.ZONE));
        String key = period.code() + "|" + (unitId == null ? "*" : unitId);
        long revision = facts.revision(); // before the facts: a change in between costs one more computation only
        return kept.find(key, revision, minute).orElseGet(() -> {
            List<UnitMonthStatistics> computed = compute(period, unitId, now);
            kept.keep(key, revision, minute, computed);
            return computed;
        });
    }

    private List<UnitMonthStatistics> compute(ReportingPeriod period, String unitId, Instant now) {
        Facts all = facts.all();
        if (unitId == null) {
            return calculator.forMonths(period, all, now);
        }
        Facts one = all.withUnits(all.units().stream().filter(u -> u.id().equals(unitId)).toList());
        return calculator.forMonths(period, one, now);
    }
}
