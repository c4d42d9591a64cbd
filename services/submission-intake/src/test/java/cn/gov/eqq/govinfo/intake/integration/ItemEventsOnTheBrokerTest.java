package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every transition that other services count is read back from the real broker, in order per item, and one record
 * of each type has the shape of its golden contract file.
 */
class ItemEventsOnTheBrokerTest extends IntakeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;

    @Test
    void everyTransitionReachesTheBrokerInOrderWithTheGoldenShape() throws Exception {
        // item 1: submitted, returned, revised and resubmitted, received, forwarded
        String first = submitted("U006", goodNews("我旗召开政务信息工作推进会"));
        mvc.perform(post("/api/intake/items/{id}/return", first).with(room())
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"请补充参会单位\"}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/intake/items/{id}", first).with(reporter("U006"))
                .contentType(MediaType.APPLICATION_JSON).content(goodNews("我旗召开政务信息工作推进会（修改稿）")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/submit", first).with(reporter("U006")))
                .andExpect(jsonPath("$.revisionCount").value(2));
        mvc.perform(post("/api/intake/items/{id}/receive", first).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/forward", first).with(room()))
                .andExpect(jsonPath("$.forwardedToCity").value(true));

        // item 2: a major event, signed off by the unit's leader, received, then voided
        String second = draft("U006", itemJson("城川镇突发暴雨致部分道路中断", "7月9日夜，城川镇遭遇强降雨，两条乡道中断。",
                "PROBLEM", "PROBLEM", true, "建议尽快安排抢修资金。"));
        mvc.perform(post("/api/intake/items/{id}/submit", second).with(reporter("U006")))
                .andExpect(jsonPath("$.status").value("AWAITING_SIGN_OFF"));
        mvc.perform(post("/api/intake/items/{id}/sign-off", second).with(leader("U006")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/intake/items/{id}/receive", second).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/void", second).with(room())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"与教体局信息重复\"}"))
                .andExpect(jsonPath("$.status").value("VOIDED"));

        try (TopicReader reader = new TopicReader(broker, Topics.ITEMS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(types(reader.withKey(first))).containsExactly("ItemSubmitted", "ItemReturned",
                        "ItemSubmitted", "ItemReceived", "ItemForwardedToCity");
                assertThat(types(reader.withKey(second))).containsExactly("ItemSubmitted", "ItemReceived",
                        "ItemVoided");
            });

            List<ConsumerRecord<String, String>> firstRecords = reader.withKey(first);
            ItemSubmitted resubmitted = (ItemSubmitted) codec.decode(firstRecords.get(2).value()).payload();
            ItemReceived received = (ItemReceived) codec.decode(firstRecords.get(3).value()).payload();
            assertThat(resubmitted.revision()).isEqualTo(2);
            assertThat(received.revision()).isEqualTo(2);
            assertThat(received.title()).isEqualTo("我旗召开政务信息工作推进会（修改稿）");
            assertThat(received.unitId()).isEqualTo("U006");
            assertThat(received.submittedAt()).as("counts when the received version was submitted")
                    .isEqualTo(resubmitted.submittedAt());
            assertThat(received.receivedBy()).isEqualTo("room-editor");

            Map<String, String> oneOfEach = new HashMap<>();
            for (ConsumerRecord<String, String> r : reader.poll()) {
                if (r.key().equals(first) || r.key().equals(second)) {
                    EventEnvelope<?> envelope = codec.decode(r.value());
                    assertThat(envelope.key()).isEqualTo(r.key());
                    assertThat(envelope.producer()).isEqualTo("submission-intake");
                    oneOfEach.putIfAbsent(envelope.type(), r.value());
                }
            }
            assertThat(oneOfEach).hasSize(5);
            oneOfEach.forEach((type, json) -> {
                String golden = TopicReader.golden(Topics.ITEMS, type);
                assertThat(TopicReader.paths(codec, json)).as(type + " fields").isEqualTo(TopicReader.paths(codec, golden));
                Map<String, String> produced = TopicReader.shape(codec, json);
                Map<String, String> expected = TopicReader.shape(codec, golden);
                produced.forEach((path, jsonType) -> {
                    if (expected.containsKey(path)) {
                        assertThat(jsonType).as(type + " " + path).isEqualTo(expected.get(path));
                    }
                });
            });
        }
    }

    private List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> codec.decode(r.value()).type()).toList();
    }
}
