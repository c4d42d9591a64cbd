package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.Objection.Resolution;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.NOW;
import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.Q3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircularLifecycleTest {

    private static final Instant CLOSES = NOW.plus(Duration.ofDays(3));
    private static final Instant AFTER_WINDOW = CLOSES.plusSeconds(60);

    private Circular draft() {
        return Circular.draft("c1", CircularKind.QUARTERLY, Q3, CircularFixtures.figures(), CircularFixtures.LETTERHEAD,
                "room", NOW);
    }

    private static String codeOf(Runnable r) {
        try {
            r.run();
        } catch (CircularRuleViolation v) {
            return v.code();
        }
        return "no violation";
    }

    @Test
    void aNewCircularIsAnUnnumberedDraftTitledForItsPeriod() {
        Circular c = draft();
        assertThat(c.status()).isEqualTo(CircularStatus.DRAFT);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.documentNumber()).isNull();
        assertThat(c.title()).isEqualTo("关于2026年第三季度全旗政务信息工作情况的通报");
        assertThat(c.seriesId()).isEqualTo("QUARTERLY-2026-Q3");
    }

    @Test
    void aQuarterlyCircularNeedsAQuarter() {
        assertThatThrownBy(() -> Circular.draft("c", CircularKind.QUARTERLY,
                cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod.year(2026), CircularFixtures.figures(),
                CircularFixtures.LETTERHEAD, "room", NOW)).isInstanceOf(CircularRuleViolation.class).hasMessageContaining("季度");
    }

    @Test
    void aUnitObjectsWithinTheWindowTheRoomAnswersAndThenPublishes() {
        Circular inReview = draft().openReview(CLOSES, NOW);
        Circular objected = inReview.raiseObjection("o1", "U007", "reporter7", "7月一条动态类信息未计分", NOW.plusSeconds(60));

        assertThat(objected.openObjections()).isEqualTo(1);
        assertThat(codeOf(() -> objected.publish("鄂前政办信〔2026〕1号", "room", AFTER_WINDOW)))
                .isEqualTo("circular.open-objections");

        Circular answered = objected.resolveObjection("o1", Resolution.DISMISSED, "经核实该信息为退回修改状态，未收录", "room",
                NOW.plusSeconds(120));
        Circular published = answered.publish("鄂前政办信〔2026〕1号", "room", AFTER_WINDOW);

        assertThat(published.status()).isEqualTo(CircularStatus.PUBLISHED);
        assertThat(published.documentNumber()).isEqualTo("鄂前政办信〔2026〕1号");
        assertThat(published.objections()).singleElement().satisfies(o -> {
            assertThat(o.resolution()).isEqualTo(Resolution.DISMISSED);
            assertThat(o.resolvedBy()).isEqualTo("room");
        });
    }

    @Test
    void noObjectionOutsideTheReviewWindow() {
        assertThat(codeOf(() -> draft().raiseObjection("o", "U007", "r", "理由", NOW)))
                .isEqualTo("circular.review-closed");
        Circular inReview = draft().openReview(CLOSES, NOW);
        assertThat(codeOf(() -> inReview.raiseObjection("o", "U007", "r", "理由", AFTER_WINDOW)))
                .isEqualTo("circular.review-closed");
    }

    @Test
    void aUnitNotInTheRankingsCannotObject() {
        Circular inReview = draft().openReview(CLOSES, NOW);
        assertThat(codeOf(() -> inReview.raiseObjection("o", "U001", "r", "理由", NOW)))
                .isEqualTo("circular.unit-not-listed");
    }

    @Test
    void notPublishedBeforeTheWindowClosesNorWithoutReview() {
        Circular inReview = draft().openReview(CLOSES, NOW);
        assertThat(codeOf(() -> inReview.publish("n", "room", NOW.plusSeconds(10))))
                .isEqualTo("circular.review-still-open");
        assertThat(codeOf(() -> draft().publish("n", "room", AFTER_WINDOW))).isEqualTo("circular.not-in-review");
    }

    @Test
    void anObjectionIsAnsweredOnce() {
        Circular c = draft().openReview(CLOSES, NOW).raiseObjection("o1", "U007", "r", "理由", NOW)
                .resolveObjection("o1", Resolution.UPHELD, "已更正", "room", NOW);
        assertThat(codeOf(() -> c.resolveObjection("o1", Resolution.DISMISSED, "x", "room", NOW)))
                .isEqualTo("objection.already-resolved");
        assertThat(codeOf(() -> c.resolveObjection("o9", Resolution.DISMISSED, "x", "room", NOW)))
                .isEqualTo("objection.not-found");
    }

    @Test
    void aPublishedCircularIsFrozen() {
        Circular published = draft().openReview(CLOSES, NOW).publish("鄂前政办信〔2026〕1号", "room", AFTER_WINDOW);
        assertThat(codeOf(() -> published.refresh(CircularFixtures.figures(), CircularFixtures.LETTERHEAD,
                AFTER_WINDOW)))
                .isEqualTo("circular.frozen");
        assertThat(codeOf(() -> published.resolveObjection("o", Resolution.UPHELD, "x", "room", AFTER_WINDOW)))
                .isEqualTo("circular.frozen");
        assertThat(published.frozen()).isTrue();
    }

    @Test
    void aCorrectionIsANewVersionThatSaysWhatChanged() {
        Circular published = draft().openReview(CLOSES, NOW).publish("鄂前政办信〔2026〕1号", "room", AFTER_WINDOW);
        RankingSnapshot g2 = CircularFixtures.group2();
        RankingSnapshot corrected = new RankingSnapshot("evt-g2-v8", g2.period(), g2.periodType(), 2, 8,
                g2.computedAt(), g2.policyVersion(),
                List.of(new RankingLine(1, "U006", "发改委", 73, 21, 2, 40, 10, 0, 24, 24, 0),
                        new RankingLine(2, "U007", "教体局", 38, 21, 0, 20, 0, -3, 21, 24, 3),
                        new RankingLine(3, "U008", "工信和科技局", -10, 0, 0, 0, 0, -10, 0, 24, 24)),
                g2.keptAt());
        CircularFigures now = new CircularComposer()
                .compose(Q3, List.of(corrected, CircularFixtures.group3()), CircularFixtures.facts(), AFTER_WINDOW);

        Circular v2 = published.correct("c2", "教体局复核属实，补计一条动态类信息", now, CircularFixtures.LETTERHEAD, "room",
                AFTER_WINDOW);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.previousId()).isEqualTo("c1");
        assertThat(v2.seriesId()).isEqualTo(published.seriesId());
        assertThat(v2.status()).isEqualTo(CircularStatus.DRAFT);
        assertThat(v2.changes()).extracting(FigureChange::sentence).containsExactly(
                "教体局：总积分由 37 更正为 38", "教体局：报送积分由 20 更正为 21", "教体局：收录条数由 20 更正为 21",
                "教体局：差额由 4 更正为 3");
        // the published version keeps its own figures
        assertThat(published.figures().groups().get(0).rows().get(1).points()).isEqualTo(37);
        assertThat(published.supersede(AFTER_WINDOW).status()).isEqualTo(CircularStatus.SUPERSEDED);
    }

    @Test
    void onlyAPublishedCircularCanBeCorrected() {
        assertThat(codeOf(() -> draft().correct("c2", "x", CircularFixtures.figures(), CircularFixtures.LETTERHEAD,
                "room", NOW)))
                .isEqualTo("circular.not-published");
    }

    @Test
    void aUnitSeesOnlyItsOwnFigures() {
        Circular c = draft().openReview(CLOSES, NOW).raiseObjection("o1", "U007", "r", "理由", NOW)
                .raiseObjection("o2", "U006", "r", "理由", NOW);
        UnitFigures mine = UnitFigures.of(c, "U007");
        assertThat(mine.group()).isEqualTo(2);
        assertThat(mine.line().points()).isEqualTo(37);
        assertThat(mine.annex()).extracting(CircularFigures.AnnexLine::itemId).containsExactly("I2");
        assertThat(mine.commissions()).extracting(CircularFigures.UnitRef::status).containsExactly("LATE");
        assertThat(mine.objections()).extracting(Objection::id).containsExactly("o1");
    }

    @Test
    void documentNumbersFollowTheOfficeFormat() {
        assertThat(CircularFixtures.LETTERHEAD.documentNumber(2026, 3)).isEqualTo("鄂前政办信〔2026〕3号");
        assertThat(new Letterhead("《通知》", "某政办信", "各单位：").documentNumber(2027, 12))
                .isEqualTo("某政办信〔2027〕12号");
    }

    @Test
    void aDraftTakesTheLetterheadOfEachRefreshAndPublicationFreezesIt() {
        Letterhead renamed = new Letterhead(CircularFixtures.LETTERHEAD.notice(), "鄂前政办信息",
                "各镇人民政府，旗直各部门：");
        Circular refreshed = draft().refresh(CircularFixtures.figures(), renamed, NOW);
        assertThat(refreshed.letterhead()).isEqualTo(renamed);

        Circular published = refreshed.openReview(CLOSES, NOW).publish("鄂前政办信息〔2026〕1号", "room", AFTER_WINDOW);
        assertThat(published.letterhead()).isEqualTo(renamed);
        assertThat(published.supersede(AFTER_WINDOW).letterhead()).isEqualTo(renamed);
        assertThat(published.correct("c2", "补计", CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room",
                AFTER_WINDOW).letterhead()).as("a correction is a new document: it takes the settings of now")
                .isEqualTo(CircularFixtures.LETTERHEAD);
    }

    @Test
    void aCircularStoredWithoutALetterheadReadsWithTheWordsOfTheFirstRelease() {
        Circular d = draft();
        Circular stored = new Circular(d.id(), d.seriesId(), d.kind(), d.period(), d.version(), d.previousId(),
                d.title(), d.documentNumber(), d.status(), d.figures(), d.objections(), d.reviewClosesAt(),
                d.createdBy(), d.createdAt(), d.publishedBy(), d.publishedAt(), d.correctionReason(), d.changes(),
                d.revision(), d.updatedAt(), null);
        assertThat(stored.letterhead()).isEqualTo(Letterhead.FIRST_RELEASE);
        assertThat(Letterhead.FIRST_RELEASE.notice()).contains("关于进一步加强政务信息工作的补充通知");
    }
}
