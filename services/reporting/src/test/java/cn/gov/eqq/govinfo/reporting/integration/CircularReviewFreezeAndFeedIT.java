package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Draft → review (a unit sees its own figures and objects) → the room answers → publish; a late ranking does not
 * change the published circular; a correction is a new version that says what changed; the dashboard topic carries
 * the published circulars and final rankings as CloudEvents, read back from the broker.
 */
class CircularReviewFreezeAndFeedIT extends ReportingStack {

    static final KnownQuarter Q = new KnownQuarter(2025);

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private String postJson(String path, Object who, String json, int expectedStatus) throws Exception {
        return mvc.perform(post(path).with((org.springframework.test.web.servlet.request.RequestPostProcessor) who)
                        .contentType("application/json").content(json))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void reviewPublishFreezeCorrectAndAnnounce() throws Exception {
        CircularFromEventsIT.publishAll(this, Q);
        CircularFromEventsIT.awaitTakenIn(this, Q);
        var room = as("info-room");
        var education = as("reporter", "U007");

        String id = codec.tree(postJson("/api/reporting/circulars", room,
                "{\"kind\":\"QUARTERLY\",\"period\":\"" + Q.period() + "\"}", 201)).get("id").asString();
        String base = "/api/reporting/circulars/" + id;

        // a draft is not open to the units yet
        mvc.perform(get(base + "/my-figures").with(education)).andExpect(status().isConflict());

        Instant closes = clock.instant().plus(Duration.ofHours(1));
        postJson(base + "/review", room, "{\"closesAt\":\"" + closes + "\"}", 200);

        // the unit sees its own figures, not the whole circular
        JsonNode mine = getJson(base + "/my-figures", education);
        assertThat(mine.get("line").get("unitName").asString()).isEqualTo("教体局");
        assertThat(mine.get("line").get("points").asInt()).isEqualTo(25);
        assertThat(mine.get("annex").size()).isEqualTo(1);
        mvc.perform(get(base).with(education)).andExpect(status().isForbidden());
        mvc.perform(get(base).with(as("dashboard"))).andExpect(status().isNotFound());

        String objected = postJson(base + "/objections", education, "{\"reason\":\"8月另有一条动态类信息未计分\"}", 201);
        String objectionId = codec.tree(objected).get("objections").get(0).get("id").asString();
        postJson(base + "/objections", as("reporter"), "{\"reason\":\"无单位\"}", 403);
        postJson(base + "/objections", education, "{\"reason\":\"\"}", 400);

        mvc.perform(post(base + "/publish").with(room)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("circular.review-still-open"));

        clock.advance(Duration.ofHours(2));
        postJson(base + "/objections", education, "{\"reason\":\"过期的复核\"}", 409);
        mvc.perform(post(base + "/publish").with(room)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("circular.open-objections"));

        postJson(base + "/objections/" + objectionId + "/resolution", room,
                "{\"resolution\":\"UPHELD\",\"reply\":\"复核属实，已请积分系统补计，发布后更正\"}", 200);
        JsonNode published = codec.tree(postJson(base + "/publish", room, "", 200));
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        String number = published.get("documentNumber").asString();
        assertThat(number).matches("鄂前政办信〔\\d{4}〕\\d+号");

        // a late ranking arrives: the live ranking changes, the published circular does not
        publish(Topics.RANKINGS, Q.group2(2, 26));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson("/api/reporting/rankings",
                as("viewer"), "group", "2", "period", Q.period()).get("snapshotVersion").asInt()).isEqualTo(2));
        assertThat(getJson(base, education).get("figures").get("groups").get(0).get("rows").get(1).get("points")
                .asInt()).isEqualTo(25);
        assertThat(educationPointsInExcel(base)).isEqualTo(25);
        mvc.perform(post(base + "/refresh").with(room)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("circular.frozen"));

        // the correction is a new version that says what changed
        JsonNode v2 = codec.tree(postJson(base + "/corrections", room, "{\"reason\":\"教体局复核属实，补计一条信息\"}", 201));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("previousId").asString()).isEqualTo(id);
        List<String> changes = v2.get("changes").valueStream()
                .map(c -> c.get("unitName").asString() + "：" + c.get("figure").asString() + " " + c.get("before")
                        .asString() + "→" + c.get("after").asString()).toList();
        assertThat(changes).containsExactly("教体局：总积分 25→26", "教体局：报送积分 5→6");
        postJson(base + "/corrections", room, "{\"reason\":\"再来一次\"}", 409);

        String base2 = "/api/reporting/circulars/" + v2.get("id").asString();
        postJson(base2 + "/review", room, "{\"closesAt\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}", 200);
        clock.advance(Duration.ofHours(2));
        JsonNode v2published = codec.tree(postJson(base2 + "/publish", room, "", 200));
        assertThat(v2published.get("documentNumber").asString()).isNotEqualTo(number);
        JsonNode v1 = getJson(base, as("viewer"));
        assertThat(v1.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(v1.get("figures").get("groups").get(0).get("rows").get(1).get("points").asInt()).isEqualTo(25);
        assertThat(educationPointsInExcel(base2)).isEqualTo(26);

        // the dashboard topic, read back from the broker with the CloudEvents SDK, as the city reads it
        String v2id = v2.get("id").asString();
        List<ReadEvent> events = readDashboardTopic(List.of(id + "/published", id + "/ranking/2",
                v2id + "/published", v2id + "/ranking/2", id + "/superseded"));
        ReadEvent announced = find(events, id + "/published");
        assertThat(announced.event().getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(announced.event().getType()).isEqualTo("cn.gov.eqq.govinfo.circular.published.v1");
        assertThat(announced.event().getSource().toString()).isEqualTo("urn:govinfo:eqq:reporting");
        assertThat(announced.event().getSubject()).isEqualTo("circular/QUARTERLY-2025-Q3");
        assertThat(announced.event().getDataContentType()).isEqualTo("application/json");
        assertThat(announced.event().getDataSchema().toString()).isEqualTo(
                "http://127.0.0.1:8080/api/reporting/schemas/events/cn.gov.eqq.govinfo.circular.published.v1.json");
        assertThat(announced.event().getTime().toInstant()).isEqualTo(
                Instant.parse(published.get("publishedAt").asString()));
        assertThat(announced.data().get("documentNumber").asString()).isEqualTo(number);
        assertThat(announced.data().get("groups").get(0).get("rows").get(1).get("points").asInt()).isEqualTo(25);
        assertThat(announced.data().get("withoutSubmission").valueStream()
                .map(u -> u.get("unitId").asString() + " " + u.get("unitName").asString()).toList())
                .containsExactly("U008 工信和科技局");
        ReadEvent finalRanking = find(events, id + "/ranking/2");
        assertThat(finalRanking.event().getType()).isEqualTo("cn.gov.eqq.govinfo.ranking.finalized.v1");
        assertThat(finalRanking.event().getSubject()).isEqualTo("ranking/2025-Q3|2");
        assertThat(finalRanking.data().get("rows").size()).isEqualTo(3);
        ReadEvent corrected = find(events, v2id + "/published");
        assertThat(corrected.data().get("version").asInt()).isEqualTo(2);
        assertThat(corrected.data().get("changes").get(0).asString()).isEqualTo("教体局：总积分由 25 更正为 26");
        assertThat(corrected.data().get("figureChanges").get(0).get("unitId").asString()).isEqualTo("U007");
        ReadEvent superseded = find(events, id + "/superseded");
        assertThat(superseded.event().getType()).isEqualTo("cn.gov.eqq.govinfo.circular.superseded.v1");
        assertThat(superseded.data().get("circularId").asString()).isEqualTo(id);
        assertThat(superseded.data().get("supersededByCircularId").asString()).isEqualTo(v2id);
        // one publication and its correction: one key, one partition, in the order they happened
        List<ReadEvent> series = events.stream().filter(e -> "QUARTERLY-2025-Q3".equals(e.key())).toList();
        assertThat(series).extracting(ReadEvent::partition).containsOnly(series.get(0).partition());
        assertThat(series).extracting(e -> e.event().getId()).containsExactly(id + "/published", id + "/ranking/2",
                v2id + "/published", v2id + "/ranking/2", id + "/superseded");
        // the schema each event points at is served (the gateway's path = the service's path)
        String schemaPath = URI.create(announced.event().getDataSchema().toString()).getPath();
        JsonNode schema = getJson(schemaPath, as("dashboard"));
        assertThat(schema.get("title").asString()).isEqualTo("CircularPublished");
        assertThat(schema.get("required").valueStream().map(JsonNode::asString).toList())
                .isSubsetOf(fieldNames(announced.data()));

        // and the dashboard reads the same through its feed
        JsonNode feed = getJson("/api/reporting/feed/circulars", as("dashboard"), "size", "200");
        assertThat(feed.get("items").valueStream().map(c -> c.get("id").asString()).toList())
                .contains(id, v2.get("id").asString());
    }

    private int educationPointsInExcel(String base) throws Exception {
        byte[] xlsx = mvc.perform(get(base + "/document.xlsx").with(as("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = wb.getSheet("第二组排名").getRow(4);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("教体局");
            return (int) row.getCell(2).getNumericCellValue();
        }
    }

    /** One record as the city's consumer sees it: the SDK's event, its data as JSON, where it lay and its key. */
    record ReadEvent(CloudEvent event, JsonNode data, int partition, long offset, String key) {
    }

    private static ReadEvent find(List<ReadEvent> events, String id) {
        return events.stream().filter(e -> e.event().getId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * Reads the whole topic with a plain {@code KafkaConsumer<String, CloudEvent>} and the SDK's
     * {@link CloudEventDeserializer}: a record it could not read would fail the poll. Every record (of every test
     * that published one) must be structured mode with its content type, a key equal to its {@code partitionkey},
     * an absolute source and a dataschema.
     */
    private List<ReadEvent> readDashboardTopic(List<String> wanted) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dashboard-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ReadEvent> seen = new java.util.ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CIRCULARS));
            long until = System.currentTimeMillis() + 30_000;
            while (!seen.stream().map(e -> e.event().getId()).toList().containsAll(wanted)
                    && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = r.value();
                    assertThat(new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                            .startsWith("application/cloudevents+json");
                    assertThat(r.key()).isEqualTo(event.getExtension("partitionkey"));
                    assertThat(event.getSource().isAbsolute()).isTrue();
                    assertThat(event.getDataSchema().isAbsolute()).isTrue();
                    seen.add(new ReadEvent(event, codec.tree(new String(event.getData().toBytes(),
                            StandardCharsets.UTF_8)), r.partition(), r.offset(), r.key()));
                }
            }
        }
        assertThat(seen.stream().map(e -> e.event().getId()).toList()).containsAll(wanted);
        seen.sort(java.util.Comparator.comparingInt(ReadEvent::partition).thenComparingLong(ReadEvent::offset));
        return seen;
    }
}
