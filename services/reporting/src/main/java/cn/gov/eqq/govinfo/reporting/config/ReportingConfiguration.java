package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.reporting.ranking.application.KeepingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshots;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Clock;

/** Wires the plain-Java use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
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
}
