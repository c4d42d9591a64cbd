package cn.gov.eqq.govinfo.adoption.integration;

import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.openapi.ClientReadyOpenApi;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole service against the real (in-process KRaft) Kafka broker and the Mongo test server: intake's events in,
 * the room's commands over HTTP, our events read back from the broker.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.topic-partitions=1",
        "govinfo.adoption.recovery-initial-delay=1h",
        // the ingress pods (10.42.0.0/16) are our proxies, so the address they saw is the client (docs/audit.md)
        "govinfo.audit.trusted-proxies=127.0.0.0/8,10.42.0.0/16"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.ITEMS, Topics.UNITS, Topics.ADOPTIONS, Topics.ITEM_SCORES,
        "adoption-tracking.dead-letter.v1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionTrackingIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("adoption-it"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    private Consumer<String, String> adoptions;
    private final List<EventEnvelope<? extends IntegrationEvent>> seen = new ArrayList<>();

    @BeforeAll
    void readAdoptionsTopic() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "adoption-it-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        adoptions = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
        broker.consumeFromAnEmbeddedTopic(adoptions, Topics.ADOPTIONS);
    }

    @AfterAll
    void close() {
        adoptions.close();
    }

    @Test
    void recordCorrectAndWithdrawAreDeliveredInOrderThroughTheBroker() throws Exception {
        String itemId = receivedItem("U006", "我旗重点项目建设提速", false);

        String recordId = recordCityBulletin(itemId, "2026年第15期", "2026-07-15");
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/corrections", itemId, recordId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"record":{"kind":"REGION_DAILY_BRIEF_ADOPTED","issueNo":"2026年第88期",
                                 "effectiveDate":"2026-07-16"},"reason":"刊物录错，实为《每日要情》"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].versions.length()").value(2));
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", itemId, recordId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"实际未采用，误录\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].withdrawn").value(true));

        List<EventEnvelope<?>> events = eventsFor(itemId, 3);

        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("AdoptionRecorded", "AdoptionCorrected", "AdoptionWithdrawn");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(itemId);
            assertThat(e.producer()).isEqualTo("adoption-tracking");
        });
        AdoptionRecorded recorded = (AdoptionRecorded) events.get(0).payload();
        assertThat(recorded.recordId()).isEqualTo(recordId);
        assertThat(recorded.unitId()).isEqualTo("U006");
        assertThat(recorded.kind()).isEqualTo("CITY_BULLETIN_ADOPTED");
        assertThat(recorded.publication()).isEqualTo("鄂尔多斯政讯");
        assertThat(recorded.effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(recorded.recordedBy()).isEqualTo("room-editor");
        AdoptionCorrected corrected = (AdoptionCorrected) events.get(1).payload();
        assertThat(corrected.kind()).isEqualTo("REGION_DAILY_BRIEF_ADOPTED");
        assertThat(corrected.publication()).isEqualTo("每日要情");
        assertThat(corrected.reason()).isEqualTo("刊物录错，实为《每日要情》");
        AdoptionWithdrawn withdrawn = (AdoptionWithdrawn) events.get(2).payload();
        assertThat(withdrawn.reason()).isEqualTo("实际未采用，误录");
        // the outbox is empty once the broker acknowledged
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(itemId, Document.class, "items")
                .getList("outbox", Document.class).isEmpty());
    }

    @Test
    void recordingAnAdoptionIsInTheAuditLogWithWhoWhenAndFromWhere() throws Exception {
        String itemId = receivedItem("U006", "审计：采用记录", false);
        String editor = "audit-room-" + UUID.randomUUID();
        Instant before = Instant.now();
        mvc.perform(post("/api/adoption/items/{id}/records", itemId).with(KeycloakJwtUsers.user(editor, null, "info-room"))
                        .header("X-Forwarded-For", "203.0.113.80, 10.42.0.9").header("User-Agent", "portal/2026")
                        .header("X-Request-Id", "req-" + editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CITY_BULLETIN_ADOPTED\",\"issueNo\":\"2026年第21期\",\"effectiveDate\":\"2026-07-15\"}"))
                .andExpect(status().isCreated());
        Instant after = Instant.now();

        String log = mvc.perform(get("/api/adoption/audit").param("actor", editor).with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].service").value("adoption-tracking"))
                .andExpect(jsonPath("$.entries[0].actor.username").value(editor))
                .andExpect(jsonPath("$.entries[0].actor.roles[0]").value("info-room"))
                .andExpect(jsonPath("$.entries[0].origin.clientAddress").value("203.0.113.80"))
                .andExpect(jsonPath("$.entries[0].origin.userAgent").value("portal/2026"))
                .andExpect(jsonPath("$.entries[0].origin.requestId").value("req-" + editor))
                .andExpect(jsonPath("$.entries[0].action.path").value("/api/adoption/items/" + itemId + "/records"))
                .andExpect(jsonPath("$.entries[0].action.status").value(201))
                .andExpect(jsonPath("$.entries[0].action.outcome").value("SUCCEEDED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(codec.tree(log).get("entries").get(0).get("at").asString())).isBetween(before, after);
        // a unit never reads the log
        mvc.perform(get("/api/adoption/audit").with(KeycloakJwtUsers.reporter("U006"))).andExpect(status().isForbidden());
    }

    @Test
    void producedEventsHaveTheShapeOfTheGoldenFiles() throws Exception {
        String itemId = receivedItem("U006", "黄河流域生态保护", false);
        String recordId = recordCityBulletin(itemId, "2026年第20期", "2026-08-01");
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/corrections", itemId, recordId).with(KeycloakJwtUsers.room())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"record":{"kind":"CITY_BULLETIN_ADOPTED","issueNo":"2026年第21期",
                         "effectiveDate":"2026-08-01"},"reason":"期号录错"}""")).andExpect(status().isOk());
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", itemId, recordId).with(KeycloakJwtUsers.room())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误录\"}")).andExpect(status().isOk());

        String instructed = receivedItem("U006", "草原生态修复", false);
        String instructionId = record(instructed, """
                {"kind":"REGION_LEADER_INSTRUCTION","leader":"自治区某副主席","text":"请总结推广",
                 "effectiveDate":"2026-10-08","followUp":{"action":"报送推广情况","dueDate":"2026-10-31"}}""");
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/follow-up-reports", instructed, instructionId)
                .with(KeycloakJwtUsers.reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"whatWasDone\":\"已在全旗推广\",\"doneOn\":\"2026-10-30\"}"))
                .andExpect(status().isCreated());

        List<String> raw = new ArrayList<>(rawValuesFor(itemId, 3));
        raw.addAll(rawValuesFor(instructed, 2));
        assertThat(raw).extracting(v -> codec.tree(v).get("type").asString()).containsExactly(
                "AdoptionRecorded", "AdoptionCorrected", "AdoptionWithdrawn", "AdoptionRecorded",
                "InstructionFollowUpReported");

        for (String json : raw) {
            JsonNode produced = codec.tree(json);
            String type = produced.get("type").asString();
            JsonNode golden = codec.tree(golden(type));
            assertThat(fieldNames(produced)).as("envelope of %s", type).isEqualTo(fieldNames(golden));
            assertThat(fieldNames(produced.get("payload"))).as("payload of %s", type)
                    .isEqualTo(fieldNames(golden.get("payload")));
            // and the golden file itself is what every consumer reads
            assertThat(codec.decode(golden(type)).type()).isEqualTo(type);
        }
    }

    @Test
    void combinedAdoptionPublishesOneRecordPerSourceWithItsPlaceAndOneSharedId() throws Exception {
        String a = receivedItem("U001", "上海庙开发区招商引资", false);
        String b = receivedItem("U002", "敖勒召其镇招商引资", false);
        String c = receivedItem("U003", "城川镇招商引资", false);

        String body = mvc.perform(post("/api/adoption/combined").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"sourceItemIds":["%s","%s","%s"],
                                 "record":{"kind":"REGION_DAILY_BRIEF_ADOPTED","issueNo":"2026年第101期",
                                           "effectiveDate":"2026-09-08"}}""".formatted(a, b, c)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sources.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        String combinedId = codec.tree(body).get("combinedRecordId").asString();

        List<String> sources = List.of(a, b, c);
        for (int position = 0; position < sources.size(); position++) {
            String item = sources.get(position);
            List<EventEnvelope<?>> events = eventsFor(item, 1);
            AdoptionRecorded recorded = (AdoptionRecorded) events.get(0).payload();
            assertThat(recorded.combinedRecordId()).isEqualTo(combinedId);
            assertThat(recorded.combinedPosition()).isEqualTo(position);
            assertThat(recorded.kind()).isEqualTo("REGION_DAILY_BRIEF_ADOPTED");
            mvc.perform(get("/api/adoption/items/{id}", item).with(KeycloakJwtUsers.viewer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.records[0].origin").value("COMBINED"))
                    .andExpect(jsonPath("$.records[0].combinedPosition").value(position));
        }
        assertThat(mongo.findById(combinedId, Document.class, "combined").getBoolean("applied")).isTrue();
    }

    @Test
    void scoringsDecisionArrivingOnTheBrokerIsWhatTheItemsViewShows() throws Exception {
        String itemId = receivedItem("U006", "牧区饮水安全工程", false);
        String recordId = recordCityBulletin(itemId, "2026年第33期", "2026-09-20");
        mvc.perform(get("/api/adoption/items/{id}", itemId).with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemPoints").doesNotExist())
                .andExpect(jsonPath("$.scoreNote").value("积分待计算：积分部门尚未计算本信息"))
                .andExpect(jsonPath("$.records[0].explanation").value("积分待计算：积分部门尚未计算本信息"));

        send(Topics.ITEM_SCORES, EventEnvelope.wrap(itemScored(itemId, recordId, 2, 20,
                "按最高积分计算，本信息计 20 分"), "scoring", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/adoption/items/{id}", itemId).with(KeycloakJwtUsers.reporter("U006")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.scoreVersion").value(2)));
        // an older decision arriving late (a replay, another partition's lag) is not shown over the newer one
        send(Topics.ITEM_SCORES, EventEnvelope.wrap(itemScored(itemId, recordId, 1, 0, "旧的计算"), "scoring",
                Instant.now()));
        // a later event on the same single partition proves the older one was consumed before it
        String marker = "ITM-" + UUID.randomUUID();
        send(Topics.ITEM_SCORES, EventEnvelope.wrap(itemScored(marker, "R-x", 1, 0, "标记"), "scoring",
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(marker, Document.class, "item-scores")
                != null);

        mvc.perform(get("/api/adoption/items/{id}", itemId).with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scoreVersion").value(2))
                .andExpect(jsonPath("$.itemPoints").value(20))
                .andExpect(jsonPath("$.totalPoints").value(21))
                .andExpect(jsonPath("$.countingRecordId").value(recordId))
                .andExpect(jsonPath("$.scoreNote").doesNotExist())
                .andExpect(jsonPath("$.records[0].scored").value(true))
                .andExpect(jsonPath("$.records[0].points").value(20))
                .andExpect(jsonPath("$.records[0].counts").value(true))
                .andExpect(jsonPath("$.records[0].addedPoints").value(20))
                .andExpect(jsonPath("$.records[0].explanation").value("按最高积分计算，本信息计 20 分"));
    }

    @Test
    void importLineForAnItemNotYetReceivedWaitsAndIsRecordedWhenIntakesItemReceivedArrives() throws Exception {
        String itemId = "ITM-" + UUID.randomUUID();
        String csv = "item_id,kind,issue_no,date\n" + itemId + ",CITY_BULLETIN_ADOPTED,2026年第6期,2026-03-05\n";

        String batchId = upload(csv);
        mvc.perform(get("/api/adoption/imports/{id}", batchId).with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.waiting").value(1))
                .andExpect(jsonPath("$.waitingLines[0]").value("第 2 行：信息 " + itemId + " 尚未接收，接收后自动登记"));

        receivedItem(itemId, "U006", "先导入采用、后接收的信息", false);

        AdoptionRecorded recorded = (AdoptionRecorded) eventsFor(itemId, 1).get(0).payload();
        assertThat(recorded.recordId()).startsWith("imp-");
        assertThat(recorded.unitId()).isEqualTo("U006");
        assertThat(recorded.effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        mvc.perform(get("/api/adoption/imports/{id}", batchId).with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordedSinceWaiting").value(1))
                .andExpect(jsonPath("$.waiting").value(0))
                .andExpect(jsonPath("$.waitingLines.length()").value(0));
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws Exception {
        String itemId = receivedItem("U007", "校园食品安全专项整治", false);
        unitChanged("U007", "教体局");
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.findById("U007", Document.class, "units") != null);
        String header = "item_id,unit,title,kind,publication,issue_no,date,leader,text,follow_up_action,follow_up_due\n";
        String bulletin = itemId + ",,,CITY_BULLETIN_ADOPTED,,2026年第3期,2026-02-10,,,,\n";
        String instruction = ",教体局,校园食品安全专项整治,市政府领导批示,,,2026/3/2,王副市长,请推广,报送推广情况,2026-03-31\n";

        String first = upload(header + bulletin + instruction);
        mvc.perform(get("/api/adoption/imports/{id}", first).with(KeycloakJwtUsers.room()))
                .andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.alreadyPresent").value(0));
        mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.room()).contentType("text/csv")
                        .content((header + bulletin + instruction).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.batchId").value(first))
                .andExpect(jsonPath("$.repeatedFile").value(true));
        String reordered = upload(header + instruction + bulletin);
        mvc.perform(get("/api/adoption/imports/{id}", reordered).with(KeycloakJwtUsers.room()))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.alreadyPresent").value(2));

        assertThat(eventsFor(itemId, 2)).extracting(EventEnvelope::type)
                .containsExactly("AdoptionRecorded", "AdoptionRecorded");
        mvc.perform(get("/api/adoption/items/{id}", itemId).with(KeycloakJwtUsers.reporter("U007")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitName").value("教体局"))
                .andExpect(jsonPath("$.records.length()").value(2))
                .andExpect(jsonPath("$.records[0].period").value("2026-02"))
                .andExpect(jsonPath("$.records[1].lateEntry").value(true));
        // the import's instruction is months overdue and nobody reported: the room sees it
        mvc.perform(get("/api/adoption/follow-ups/overdue").with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.itemId == '" + itemId + "')].action").value("报送推广情况"));
    }

    @Test
    void openapiGeneratorsJavaClientOfAdoptionTrackingCompiles() throws Exception {
        byte[] spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ClientReadyOpenApi.problemsOf(spec, "http://127.0.0.1:8080")).isEmpty();

        GeneratedJavaClient client = GeneratedJavaClient.generateAndCompile("adoption", spec);

        assertThat(client.sourceNames()).contains("Problem.java", "BatchView.java");
    }

    @Test
    void openApiDescribesTheEndpointsWithoutAToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/adoption/items/{itemId}/records']").exists())
                .andExpect(jsonPath("$.paths['/api/adoption/combined']").exists())
                .andExpect(jsonPath("$.paths['/api/adoption/follow-ups/overdue']").exists())
                // the caller comes from the token, never from a parameter
                .andExpect(jsonPath("$.paths['/api/adoption/items/{itemId}'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.contains("itemId")));
    }

    @Test
    void redeliveredIntakeEventChangesNothing() throws Exception {
        String itemId = "ITM-" + UUID.randomUUID();
        EventEnvelope<ItemReceived> received = EventEnvelope.wrap(itemReceived(itemId, "U008", "标题", false),
                "submission-intake", Instant.now());
        send(Topics.ITEMS, received);
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.findById(itemId, Document.class, "items") != null);
        long version = mongo.findById(itemId, Document.class, "items").get("version", Number.class).longValue();

        send(Topics.ITEMS, received);
        // a later event on the same single partition proves the redelivery was consumed before it
        String marker = receivedItem("U008", "标记", false);

        assertThat(mongo.findById(marker, Document.class, "items")).isNotNull();
        assertThat(mongo.findById(itemId, Document.class, "items").get("version", Number.class).longValue())
                .isEqualTo(version);
    }

    @Test
    void unreadableIntakeRecordIsDeadLetteredAndConsumptionGoesOn() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.ITEMS, key, "{not json").join();

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "adoption-it-dlt-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        try (Consumer<String, String> dlt = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetterTopicOf("adoption-tracking"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                assertThat(found).hasSize(1);
            });
            assertThat(found.get(0).value()).isEqualTo("{not json");
            assertThat(found.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        }
        // the partition moved on: a later item still arrives
        assertThat(receivedItem("U009", "毒消息之后的信息", false)).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------

    private String recordCityBulletin(String itemId, String issue, String date) throws Exception {
        return record(itemId, """
                {"kind":"CITY_BULLETIN_ADOPTED","issueNo":"%s","effectiveDate":"%s"}""".formatted(issue, date));
    }

    private String record(String itemId, String json) throws Exception {
        String body = mvc.perform(post("/api/adoption/items/{id}/records", itemId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode records = codec.tree(body).get("records");
        return records.get(records.size() - 1).get("recordId").asString();
    }

    private String receivedItem(String unitId, String title, boolean majorEmergency) {
        return receivedItem("ITM-" + UUID.randomUUID(), unitId, title, majorEmergency);
    }

    private String receivedItem(String itemId, String unitId, String title, boolean majorEmergency) {
        send(Topics.ITEMS, EventEnvelope.wrap(new ItemSubmitted(itemId, unitId, 1, title, "DYNAMIC",
                Instant.parse("2026-01-05T02:00:00Z"), null), "submission-intake", Instant.now()));
        send(Topics.ITEMS, EventEnvelope.wrap(itemReceived(itemId, unitId, title, majorEmergency),
                "submission-intake", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document doc = mongo.findById(itemId, Document.class, "items");
            return doc != null && doc.get("facts", Document.class).getBoolean("received", false);
        });
        return itemId;
    }

    private static ItemReceived itemReceived(String itemId, String unitId, String title, boolean majorEmergency) {
        return new ItemReceived(itemId, unitId, 1, title, "DYNAMIC", List.of("产业发展"), majorEmergency,
                "GOOD_NEWS", LocalDate.of(2026, 1, 4), Instant.parse("2026-01-05T02:00:00Z"),
                Instant.parse("2026-01-06T02:00:00Z"), "room-editor", null);
    }

    private static ItemScored itemScored(String itemId, String recordId, long version, int adoptionPoints,
                                         String explanation) {
        return new ItemScored(itemId, "U006", "标题", "DYNAMIC", "动态类", false, false, "SCORED", 1 + adoptionPoints,
                List.of(new ItemScored.Line("L-1", "2026-01", LocalDate.of(2026, 1, 5), "SUBMISSION",
                                "category:DYNAMIC", 1, "动态类信息 1 分", "2022-07-06"),
                        new ItemScored.Line("L-2", "2026-09", LocalDate.of(2026, 9, 20), "ADOPTION",
                                "adoption:CITY_BULLETIN_ADOPTED", adoptionPoints, explanation, "2022-07-06")),
                List.of(new ItemScored.AdoptionReading(recordId, "CITY_BULLETIN_ADOPTED",
                        "市政府办公室《鄂尔多斯政讯》采用", LocalDate.of(2026, 9, 20), 20, 20, true, adoptionPoints,
                        explanation)), version, Instant.now());
    }

    private void unitChanged(String unitId, String name) {
        send(Topics.UNITS, EventEnvelope.wrap(new UnitChanged(unitId, name, 2, true, Instant.now()),
                "submission-intake", Instant.now()));
    }

    private void send(String topic, EventEnvelope<?> envelope) {
        kafka.send(topic, envelope.key(), codec.encode(envelope)).join();
    }

    private final List<ConsumerRecord<String, String>> rawSeen = new ArrayList<>();

    private synchronized List<String> rawValuesFor(String itemId, int expected) {
        List<String> values = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KafkaTestUtils.getRecords(adoptions, Duration.ofMillis(300)).forEach(rawSeen::add);
            values.clear();
            rawSeen.stream().filter(r -> itemId.equals(r.key())).forEach(r -> values.add(r.value()));
            assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
        });
        // nothing more arrives for this item
        KafkaTestUtils.getRecords(adoptions, Duration.ofMillis(500)).forEach(rawSeen::add);
        values.clear();
        rawSeen.stream().filter(r -> itemId.equals(r.key())).forEach(r -> values.add(r.value()));
        assertThat(values).hasSize(expected);
        return values;
    }

    /** Uploads a file (202 and the batch's location at once) and waits for its batch to be done. */
    private String upload(String csv) throws Exception {
        String location = mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.room())
                        .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> "DONE".equals(
                codec.tree(mvc.perform(get(location).with(KeycloakJwtUsers.room())).andReturn().getResponse()
                        .getContentAsString()).get("state").asString()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private List<EventEnvelope<?>> eventsFor(String itemId, int expected) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        rawValuesFor(itemId, expected).forEach(v -> events.add(codec.decode(v)));
        return events;
    }

    private static String golden(String type) throws Exception {
        String path = "golden/" + Topics.ADOPTIONS + "/" + type + ".v1.json";
        try (InputStream in = AdoptionTrackingIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }
}
