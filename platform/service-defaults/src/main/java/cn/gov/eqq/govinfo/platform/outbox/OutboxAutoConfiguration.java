package cn.gov.eqq.govinfo.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);

    /** Idle when no collection is configured and no {@link OutboxCollections} bean names any (a service that publishes nothing). */
    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                            ObjectProvider<OutboxCollections> more) {
        if (more.stream().findAny().isEmpty()) {
            return new OutboxRelay(mongo, kafka, properties);
        }
        return new OutboxRelay(mongo, kafka, properties,
                () -> more.orderedStream().flatMap(c -> c.collections().stream()).toList());
    }

    /** The backlog gauge is registered at once; nothing when no collection is configured. */
    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongo, OutboxProperties properties,
                                ObjectProvider<MeterRegistry> meters) {
        OutboxBacklog backlog = new OutboxBacklog(mongo, properties);
        meters.ifAvailable(backlog::bindTo);
        return backlog;
    }

    /** Indexes once the service is up; a database that is not there yet only costs the index, not the start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> outboxIndexes(OutboxBacklog backlog) {
        return event -> {
            try {
                backlog.ensureIndexes();
            } catch (RuntimeException e) {
                log.warn("outbox pending-query index not created now: {}", e.toString());
            }
        };
    }
}
