package cn.gov.eqq.govinfo.reporting.statistics.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.statistics.adapter.out.mongo.MongoKeptStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Statistics are computed over every fact once and then answered from the kept reading (in the real store, shared by
 * replicas) while no fact changed and the Beijing minute is the same.
 */
class ReadingStatisticsTest {

    private static final ReportingPeriod Q3 = ReportingPeriod.quarter(2026, 3);

    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(MongoTestServer.uri("reporting-statistics")), "statistics-" + UUID.randomUUID());
    private final FactStore facts = mock(FactStore.class);
    private final MutableClock clock = new MutableClock(MutableClock.beijing("2026-10-08T09:30"));
    private final ReadingStatistics statistics = new ReadingStatistics(facts, new MongoKeptStatistics(mongo),
            new StatisticsCalculator(), clock);

    ReadingStatisticsTest() {
        when(facts.all()).thenReturn(CircularFixtures.facts());
        when(facts.revision()).thenReturn(7L);
    }

    @Test
    void aSecondReadWhileNoFactChangedIsTheKeptReadingWithoutReadingTheFactsAgain() {
        List<UnitMonthStatistics> first = statistics.of(Q3, null);
        clock.advance(Duration.ofSeconds(20));
        List<UnitMonthStatistics> second = statistics.of(Q3, null);

        assertThat(second).isEqualTo(first)
                .isEqualTo(new StatisticsCalculator().forMonths(Q3, CircularFixtures.facts(), clock.instant()));
        assertThat(first).isNotEmpty();
        verify(facts, times(1)).all();
    }

    @Test
    void aChangedFactOrANewMinuteIsComputedAgain() {
        statistics.of(Q3, null);
        when(facts.revision()).thenReturn(8L);
        statistics.of(Q3, null);
        verify(facts, times(2)).all();

        clock.advance(Duration.ofMinutes(1));
        statistics.of(Q3, null);
        verify(facts, times(3)).all();
    }

    @Test
    void oneUnitsReadingIsKeptApartFromTheWholeBanners() {
        List<UnitMonthStatistics> all = statistics.of(Q3, null);
        List<UnitMonthStatistics> one = statistics.of(Q3, "U006");

        assertThat(one).isNotEmpty().allSatisfy(s -> assertThat(s.unitId()).isEqualTo("U006"));
        assertThat(all).extracting(UnitMonthStatistics::unitId).contains("U006", "U007");
        assertThat(statistics.of(Q3, "U006")).isEqualTo(one);
        verify(facts, times(2)).all();
    }
}
