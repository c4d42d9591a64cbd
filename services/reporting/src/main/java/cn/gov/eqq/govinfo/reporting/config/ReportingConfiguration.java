package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.reporting.circular.application.CircularAnnouncements;
import cn.gov.eqq.govinfo.reporting.circular.application.IssuingCirculars;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularStore;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularComposer;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.ranking.application.KeepingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.application.ReadingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.application.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.statistics.adapter.out.mongo.MongoKeptStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.application.ReadingStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.time.Clock;
import java.time.Duration;

/** Wires the plain-Java use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CircularSettings.class)
class ReportingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeepingRankings keepingRankings(RankingSnapshots snapshots) {
        return new KeepingRankings(snapshots);
    }

    @Bean
    ReadingRankings readingRankings(RankingSnapshots snapshots) {
        return new ReadingRankings(snapshots);
    }

    @Bean
    IssuingCirculars issuingCirculars(CircularStore store, RankingSnapshots rankings, FactStore facts,
                                      Clock clock,
                                      @Value("${govinfo.reporting.cloud-events-source}") String source,
                                      @Value("${govinfo.reporting.event-schema-base}") String schemaBase,
                                      @Value("${govinfo.reporting.default-review-window:P5D}") Duration window,
                                      CircularSettings settings) {
        return new IssuingCirculars(store, rankings, facts, new CircularComposer(),
                new CircularAnnouncements(source, schemaBase), clock, window, settings.letterhead());
    }

    @Bean
    ReadingStatistics readingStatistics(FactStore facts, MongoTemplate mongo, Clock clock) {
        return new ReadingStatistics(facts, new MongoKeptStatistics(mongo), new StatisticsCalculator(), clock);
    }

    /**
     * ETag on every feed answer (a hash of the body) and 304 for {@code If-None-Match} with the same tag: a poller
     * that has everything pays no body. Runs after Spring Security, so an unauthenticated request is still 401.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> feedEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/reporting/feed/*");
        return registration;
    }
}
