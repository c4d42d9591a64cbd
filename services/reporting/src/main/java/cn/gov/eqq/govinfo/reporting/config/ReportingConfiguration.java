package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.reporting.circular.application.CircularAnnouncements;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularService;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularStore;
import cn.gov.eqq.govinfo.reporting.circular.domain.AdoptionPointsTable;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularComposer;
import cn.gov.eqq.govinfo.reporting.facts.domain.FactStore;
import cn.gov.eqq.govinfo.reporting.ranking.application.KeepingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.statistics.application.ReadingStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Wires the plain-Java use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AdoptionPointsTable adoptionPointsTable() {
        return AdoptionPointsTable.policy2022();
    }

    @Bean
    KeepingRankings keepingRankings(RankingSnapshots snapshots) {
        return new KeepingRankings(snapshots);
    }

    @Bean
    CircularService circularService(CircularStore store, RankingSnapshots rankings, FactStore facts,
                                    AdoptionPointsTable points, Clock clock,
                                    @Value("${govinfo.reporting.cloud-events-source:/govinfo/reporting}") String source,
                                    @Value("${govinfo.reporting.default-review-window:P5D}") Duration window) {
        return new CircularService(store, rankings, facts, new CircularComposer(points),
                new CircularAnnouncements(source), clock, window);
    }

    @Bean
    ReadingStatistics readingStatistics(FactStore facts, AdoptionPointsTable points, Clock clock) {
        return new ReadingStatistics(facts, new StatisticsCalculator(points.instructionKinds()), clock);
    }
}
