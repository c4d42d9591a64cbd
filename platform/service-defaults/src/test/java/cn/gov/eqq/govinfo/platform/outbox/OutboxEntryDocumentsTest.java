package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxEntryDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-28T02:00:00.123Z");

    private final OutboxEntry plain = new OutboxEntry("e1", "adoption.record-events.v1", "I-1", "{\"n\":1}", AT);
    private final OutboxEntry headed = OutboxEntry.of(CloudEvent.of("c1", "urn:govinfo:eqq:reporting",
            CloudEvent.CIRCULAR_PUBLISHED, AT, "circular/QUARTERLY-2026-Q3", null, "QUARTERLY-2026-Q3", "x"),
            "reporting.circular-events.v1", "{\"id\":\"c1\"}", AT);

    @Test
    void anEntryWithoutHeadersIsExactlyTheFiveFieldsTheRelayReads() {
        assertThat(OutboxEntryDocuments.toDocument(plain)).isEqualTo(new Document("eventId", "e1")
                .append("topic", "adoption.record-events.v1").append("key", "I-1").append("json", "{\"n\":1}")
                .append("createdAt", Date.from(AT)));
    }

    @Test
    void aCloudEventEntryIsKeyedByItsPartitionKeyAndCarriesTheStructuredContentType() {
        assertThat(headed.key()).isEqualTo("QUARTERLY-2026-Q3");
        assertThat(OutboxEntryDocuments.toDocument(headed)).isEqualTo(new Document("eventId", "c1")
                .append("topic", "reporting.circular-events.v1").append("key", "QUARTERLY-2026-Q3")
                .append("json", "{\"id\":\"c1\"}").append("createdAt", Date.from(AT))
                .append("headers", new Document("content-type", "application/cloudevents+json; charset=UTF-8")));
    }

    @Test
    void whatItWritesReadsBackAsTheSameEntry() {
        assertThat(OutboxEntryDocuments.toDocuments(List.of(plain, headed)).stream()
                .map(OutboxEntryDocuments::toEntry).toList()).containsExactly(plain, headed);
    }

    @Test
    void entriesStoredBySpringDataMappingOfTheRecordReadTheSame() {
        // as MongoTemplate maps the record (Spring Boot's default conversions) when a store pushes it
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        Document storedPlain = (Document) converter.convertToMongoType(plain);
        Document storedHeaded = (Document) converter.convertToMongoType(headed);

        assertThat(OutboxEntryDocuments.toEntry(storedPlain)).isEqualTo(plain);
        assertThat(OutboxEntryDocuments.toEntry(storedHeaded)).isEqualTo(headed);
        // the one difference: the record mapping wrote an empty headers sub-document, which reads as none
        assertThat(storedPlain).isEqualTo(OutboxEntryDocuments.toDocument(plain).append("headers", new Document()));
        assertThat(storedHeaded).isEqualTo(OutboxEntryDocuments.toDocument(headed));
    }

    @Test
    void anEntryStoredWithoutAHeadersFieldHasNoHeaders() {
        Document stored = new Document("eventId", "e2").append("topic", "t").append("key", "k").append("json", "{}")
                .append("createdAt", Date.from(AT));

        assertThat(OutboxEntryDocuments.toEntry(stored).headers()).isEqualTo(Map.of());
    }
}
