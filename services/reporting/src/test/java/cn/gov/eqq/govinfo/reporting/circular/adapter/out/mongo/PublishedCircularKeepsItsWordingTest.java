package cn.gov.eqq.govinfo.reporting.circular.adapter.out.mongo;

import cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka.CloudEventJson;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi.CircularDocxRenderer;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularAnnouncements;
import cn.gov.eqq.govinfo.reporting.circular.application.IssuingCirculars;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularComposer;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.circular.domain.Letterhead;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.reporting.ranking.application.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.shared.adapter.out.mongo.FeedSequence;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClients;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A circular keeps the notice, number prefix and addressees it was published with, in the real store: the county
 * changing its settings (a restart with other values) changes new drafts only.
 */
class PublishedCircularKeepsItsWordingTest {

    private static final Letterhead RENAMED = new Letterhead(
            "《鄂托克前旗人民政府办公室关于印发政府系统政务信息工作制度的补充通知》（鄂前政办发〔2022〕65号）", "鄂前政办函",
            "各镇人民政府，旗直各部门：");

    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(MongoTestServer.uri("reporting-wording")), "wording-" + UUID.randomUUID());
    // after the third quarter, so both quarters below are over and may be published; the numbers are of 2026
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T02:00:00Z"));
    private final MongoCircularStore store = new MongoCircularStore(mongo, new CloudEventJson(),
            new FeedSequence(mongo, clock));
    private final RankingSnapshots rankings = mock(RankingSnapshots.class);
    private final FactStore facts = mock(FactStore.class);

    PublishedCircularKeepsItsWordingTest() {
        when(rankings.latestOfPeriod("2026-Q3")).thenReturn(List.of(CircularFixtures.group2(),
                CircularFixtures.group3()));
        when(rankings.latestOfPeriod("2026-Q4")).thenReturn(List.of(CircularFixtures.group2(),
                CircularFixtures.group3()));
        when(facts.all()).thenReturn(CircularFixtures.facts());
    }

    private IssuingCirculars serviceWith(Letterhead settings) {
        return new IssuingCirculars(store, rankings, facts, new CircularComposer(),
                new CircularAnnouncements("urn:govinfo:eqq:reporting", "http://127.0.0.1:8080/schemas"),
                clock, Duration.ofDays(1), settings);
    }

    @Test
    void changingTheSettingsDoesNotChangeAPublishedCircular() throws Exception {
        IssuingCirculars before = serviceWith(CircularFixtures.LETTERHEAD);
        Circular draft = before.draft(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 3), "room");
        before.openReview(draft.id(), null);
        clock.advance(Duration.ofDays(2));
        Circular published = before.publish(draft.id(), "room");
        assertThat(published.documentNumber()).isEqualTo("鄂前政办信〔2026〕1号");
        List<String> issued = paragraphs(published);

        IssuingCirculars after = serviceWith(RENAMED);
        Circular reread = after.get(published.id());

        assertThat(reread.letterhead()).isEqualTo(CircularFixtures.LETTERHEAD);
        assertThat(paragraphs(reread)).isEqualTo(issued);
        assertThat(issued.subList(0, 3)).containsExactly("鄂前政办信〔2026〕1号",
                "关于2026年第三季度全旗政务信息工作情况的通报", "各镇人民政府，上海庙经济开发区管委会，旗直各部门、各单位：");

        Circular next = after.draft(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 2), "room");
        after.openReview(next.id(), null);
        clock.advance(Duration.ofDays(2));
        Circular nextPublished = after.publish(next.id(), "room");
        assertThat(nextPublished.documentNumber()).as("the number takes the new prefix, the year's sequence goes on")
                .isEqualTo("鄂前政办函〔2026〕2号");
        assertThat(paragraphs(nextPublished).get(2)).isEqualTo("各镇人民政府，旗直各部门：");
        assertThat(paragraphs(after.get(published.id()))).isEqualTo(issued);
    }

    @Test
    void aNewCircularCitesTheNoticeByItsRealTitle() throws Exception {
        IssuingCirculars service = serviceWith(CircularFixtures.LETTERHEAD);
        Circular draft = service.draft(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 3), "room");

        assertThat(paragraphs(draft).get(3)).isEqualTo("　　根据《鄂托克前旗人民政府办公室关于印发政府系统政务信息工作制度的补充通知》"
                + "（鄂前政办发〔2022〕65号）要求，现将2026年第三季度全旗政务信息报送情况通报如下。"
                + "积分及排名以旗政府办信息室核定的数据为准，各组排名均在组内进行。");
    }

    private static List<String> paragraphs(Circular c) throws Exception {
        byte[] docx = new CircularDocxRenderer().render(c, CircularFixtures.NOW);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
    }
}
