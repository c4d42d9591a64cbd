package cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularAnnouncements;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reporting writes on the dashboard topic is exactly the golden examples in event-contracts
 * ({@code golden/reporting.circular-events.v1/}), which the dashboard's developers read as the contract.
 */
class CloudEventsGoldenFilesTest {

    private final CloudEventJson json = new CloudEventJson();

    static final CircularAnnouncements ANNOUNCEMENTS = new CircularAnnouncements("urn:govinfo:eqq:reporting",
            "http://127.0.0.1:8080/api/reporting/schemas/events");

    static Circular publishedV1() {
        Instant now = Instant.parse("2026-10-05T02:00:00Z");
        return Circular.draft("QUARTERLY-2026-Q3-v1", CircularKind.QUARTERLY, CircularFixtures.Q3,
                        CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room", now)
                .openReview(now.plus(Duration.ofDays(3)), now)
                .publish("鄂前政办信〔2026〕7号", "room", Instant.parse("2026-10-09T01:30:00Z"));
    }

    static Circular publishedCorrection() {
        Instant now = Instant.parse("2026-10-15T02:00:00Z");
        return publishedV1().correct("QUARTERLY-2026-Q3-v2", "教体局复核属实，补计一条信息", CircularFixtures.figures(),
                        CircularFixtures.LETTERHEAD, "room", now)
                .openReview(now.plus(Duration.ofDays(3)), now)
                .publish("鄂前政办信〔2026〕9号", "room", Instant.parse("2026-10-20T03:00:00Z"));
    }

    private List<CloudEvent<?>> announced() {
        return ANNOUNCEMENTS.of(publishedV1());
    }

    @Test
    void thePublishedCircularEventIsTheGoldenExample() throws Exception {
        assertThat(json.read(json.write(announced().get(0))))
                .isEqualTo(json.read(golden("cn.gov.eqq.govinfo.circular.published.v1.json")));
    }

    @Test
    void theFinalRankingEventIsTheGoldenExample() throws Exception {
        List<CloudEvent<?>> events = announced();
        assertThat(events).extracting(CloudEvent::type).containsExactly(CloudEvent.CIRCULAR_PUBLISHED,
                CloudEvent.RANKING_FINALIZED, CloudEvent.RANKING_FINALIZED);
        assertThat(json.read(json.write(events.get(1))))
                .isEqualTo(json.read(golden("cn.gov.eqq.govinfo.ranking.finalized.v1.json")));
    }

    @Test
    void aPublishedCorrectionAnnouncesThatTheVersionItCorrectsIsSupersededLastInTheSeries() throws Exception {
        List<CloudEvent<?>> events = ANNOUNCEMENTS.of(publishedCorrection());
        assertThat(events).extracting(CloudEvent::type).containsExactly(CloudEvent.CIRCULAR_PUBLISHED,
                CloudEvent.RANKING_FINALIZED, CloudEvent.RANKING_FINALIZED, CloudEvent.CIRCULAR_SUPERSEDED);
        assertThat(events).extracting(CloudEvent::partitionkey).containsOnly("QUARTERLY-2026-Q3");
        assertThat(json.read(json.write(events.get(3))))
                .isEqualTo(json.read(golden("cn.gov.eqq.govinfo.circular.superseded.v1.json")));
    }

    @Test
    void aFirstVersionAnnouncesNoSupersededVersion() {
        assertThat(announced()).extracting(CloudEvent::type).doesNotContain(CloudEvent.CIRCULAR_SUPERSEDED);
    }

    @Test
    void aRelativeSourceIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CircularAnnouncements("/govinfo/reporting",
                        "http://127.0.0.1:8080/api/reporting/schemas/events"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute URI");
    }

    static String golden(String name) throws Exception {
        String path = "golden/" + Topics.CIRCULARS + "/" + name;
        try (InputStream in = CloudEventsGoldenFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("golden file %s (event-contracts resources)", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
