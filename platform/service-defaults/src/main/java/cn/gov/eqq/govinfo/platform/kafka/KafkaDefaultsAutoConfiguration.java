package cn.gov.eqq.govinfo.platform.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer cannot process goes to its own dead-letter topic ({@code <service>.dead-letter.v1}, one writer)
 * with the reason in the standard {@code kafka_dlt-*} headers, and the partition moves on. Records that can never be
 * decoded are not retried; other failures are retried a few times first (a database blip should not dead-letter).
 * The dead-letter topic itself is created with every other topic from the catalogue ({@link Topics#DEAD_LETTERS}),
 * never by the service.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class KafkaDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler govinfoKafkaErrorHandler(KafkaTemplate<String, String> template,
                                                 @Value("${spring.application.name}") String service,
                                                 @Value("${govinfo.kafka.retry.attempts:4}") long attempts,
                                                 @Value("${govinfo.kafka.retry.interval-ms:500}") long intervalMs) {
        String deadLetterTopic = Topics.deadLetterTopicOf(service);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(intervalMs, attempts));
        handler.addNotRetryableExceptions(EventDecodingException.class);
        return handler;
    }
}
