package cn.gov.eqq.govinfo.reporting.statistics.application;

import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;

import java.time.Clock;
import java.util.List;

/** The office's statistics per unit and month, from the facts as known now. */
public class ReadingStatistics {

    private final FactStore facts;
    private final StatisticsCalculator calculator;
    private final Clock clock;

    public ReadingStatistics(FactStore facts, StatisticsCalculator calculator, Clock clock) {
        this.facts = facts;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** Every month of the period; one unit when {@code unitId} is given. */
    public List<UnitMonthStatistics> of(ReportingPeriod period, String unitId) {
        Facts all = facts.all();
        if (unitId == null) {
            return calculator.forMonths(period, all, clock.instant());
        }
        Facts one = all.withUnits(all.units().stream().filter(u -> u.id().equals(unitId)).toList());
        return calculator.forMonths(period, one, clock.instant());
    }
}
