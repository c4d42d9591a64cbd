package cn.gov.eqq.govinfo.intake.unit.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The unit directory: seeded on first start, kept by the administrator, and on the compacted topic. */
class UnitDirectoryWebTest extends IntakeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;
    @Autowired
    KeepingUnits units;

    @Test
    void the2022DirectoryIsSeededWithItsThreeGroups() throws Exception {
        mvc.perform(get("/api/intake/units").with(reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].unitId").value("U001"))
                .andExpect(jsonPath("$[0].name").value("上海庙经济开发区"))
                .andExpect(jsonPath("$[51].unitId").value("U052"))
                .andExpect(jsonPath("$[51].name").value("社保服务中心"));
        Map<Integer, Long> perGroup = units.all().stream().filter(u -> u.id().compareTo("U053") < 0)
                .collect(Collectors.groupingBy(u -> u.group(), Collectors.counting()));
        assertThat(perGroup).containsExactlyInAnyOrderEntriesOf(Map.of(1, 5L, 2, 31L, 3, 16L));
    }

    @Test
    void everySeededUnitIsOnTheCompactedTopic() {
        try (TopicReader reader = new TopicReader(broker, Topics.UNITS)) {
            List<String> expected = IntStream.rangeClosed(1, 52).mapToObj(i -> "U%03d".formatted(i)).toList();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(reader.poll().stream().map(ConsumerRecord::key).distinct().toList())
                            .containsAll(expected));
        }
    }

    @Test
    void onlyTheAdministratorChangesUnits() throws Exception {
        mvc.perform(post("/api/intake/units").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"U900\",\"name\":\"新单位\",\"group\":3}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/intake/units/U006").with(room()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"改名\"}")).andExpect(status().isForbidden());
    }

    @Test
    void administratorAddsAUnitOnce() throws Exception {
        mvc.perform(post("/api/intake/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"U901\",\"name\":\"数据资源中心\",\"group\":3}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(true));
        mvc.perform(post("/api/intake/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"U901\",\"name\":\"重复\",\"group\":3}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("unit.exists"));
        mvc.perform(post("/api/intake/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"X1\",\"name\":\"\",\"group\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("group")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("单位名称不能为空")));
    }

    @Test
    void renamingMovingAndLeavingPublishTheWholeHistoryEachTime() throws Exception {
        mvc.perform(post("/api/intake/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"U902\",\"name\":\"供销合作社\",\"group\":3,\"fromMonth\":\"2025-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.memberships[0].fromMonth").value("2025-01"));
        mvc.perform(put("/api/intake/units/U902").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"供销合作社联合社\",\"group\":2,\"fromMonth\":\"2025-07\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("供销合作社联合社"))
                .andExpect(jsonPath("$.group").value(2))
                .andExpect(jsonPath("$.memberships.length()").value(2));
        mvc.perform(put("/api/intake/units/U902").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false,\"fromMonth\":\"2025-06\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unit.membership"))
                .andExpect(jsonPath("$.detail").value("退出的月份应晚于加入第二组的月份（2025年7月），收到 2025年6月"))
                .andExpect(jsonPath("$.errors[0].field").value("fromMonth"));
        mvc.perform(put("/api/intake/units/U902").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false,\"fromMonth\":\"2026-03\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.group").value(2));
        mvc.perform(put("/api/intake/units/U999").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"不存在\"}")).andExpect(status().isNotFound());

        try (TopicReader reader = new TopicReader(broker, Topics.UNITS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> records = reader.withKey("U902");
                assertThat(records).hasSize(3);
                UnitChanged last = (UnitChanged) codec.decode(records.get(2).value()).payload();
                assertThat(last.name()).isEqualTo("供销合作社联合社");
                assertThat(last.group()).isEqualTo(2);
                assertThat(last.active()).isFalse();
                assertThat(last.memberships()).containsExactly(new UnitChanged.Membership(3, "2025-01", "2025-07"),
                        new UnitChanged.Membership(2, "2025-07", "2026-03"));
            });
            String produced = reader.withKey("U902").get(1).value(); // moved: two spans, the last one open
            String golden = TopicReader.golden(Topics.UNITS, "UnitChanged");
            assertThat(TopicReader.paths(codec, produced)).isEqualTo(TopicReader.paths(codec, golden));
            assertThat(TopicReader.shape(codec, produced)).isEqualTo(TopicReader.shape(codec, golden));
        }
    }
}
