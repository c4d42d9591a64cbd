package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.application.IntegrationEvents;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionDomainEvent;
import cn.gov.eqq.govinfo.commission.tasking.domain.Deadline;
import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event this service produces has the shape of its golden file, and every golden file round-trips. */
class ProducedEventsMatchGoldenFilesTest {

    private static final Deadline DEADLINE = Deadline.ofBeijingMinute(LocalDateTime.parse("2026-07-31T23:59"));
    private static final Instant T = Instant.parse("2026-07-28T16:00:00Z");

    private final EventCodec codec = new EventCodec();
    private final IntegrationEvents events = new IntegrationEvents(codec, "commission-tasking");

    private static final List<CommissionDomainEvent> ONE_OF_EACH = List.of(
            new CommissionDomainEvent.Issued("C1", "t", "r", List.of("U001"), DEADLINE, "room", T),
            new CommissionDomainEvent.Answered("C1", "U001", "I1", 1, T, DEADLINE, true),
            new CommissionDomainEvent.AnswerJudged("C1", "U001", "I1", T, DEADLINE, false, "理由", "room", T),
            new CommissionDomainEvent.AnswerVoided("C1", "U001", "I1", "作废", T),
            new CommissionDomainEvent.WentOverdue("C1", "U001", DEADLINE, T),
            new CommissionDomainEvent.ReminderPosted("C1", "U001", "BEFORE_3D", DEADLINE, T, "a@b.cn"));

    @TestFactory
    Stream<DynamicTest> eachProducedEventHasTheShapeOfItsGoldenFile() {
        return ONE_OF_EACH.stream().map(e -> {
            OutboxEntry entry = events.outboxEntries(List.of(e), T).get(0);
            String type = codec.decode(entry.json()).type();
            return DynamicTest.dynamicTest(type, () -> {
                assertThat(entry.topic()).isEqualTo(Topics.COMMISSIONS);
                assertThat(entry.key()).isEqualTo("C1");
                GoldenShapes.assertSameShape(entry.json(), GoldenShapes.golden(Topics.COMMISSIONS, type));
            });
        });
    }

    @Test
    void everyCommissionContractIsProducedAndHasARoundTrippingGoldenFile() {
        Map<String, Boolean> produced = ONE_OF_EACH.stream()
                .map(e -> codec.decode(events.outboxEntries(List.of(e), T).get(0).json()).type())
                .collect(Collectors.toMap(t -> t, t -> true));
        EventCatalog.ALL.stream().filter(t -> t.topic().equals(Topics.COMMISSIONS)).forEach(t -> {
            assertThat(produced).as("%s is produced", t.name()).containsKey(t.name());
            String golden = GoldenShapes.golden(Topics.COMMISSIONS, t.name());
            EventEnvelope<?> envelope = codec.decode(golden);
            assertThat(codec.tree(codec.encode(envelope))).isEqualTo(codec.tree(golden));
        });
    }
}
