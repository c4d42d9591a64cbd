package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared pointer's transitions: claim, lease, switch, and a build abandoned by its replica. */
class GenerationPointerTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void aClaimBuildsTheNextGenerationAfterEveryEarlierOneAndTheOldReplayCounter() {
        GenerationPointer upgraded = GenerationPointer.initial(2);

        GenerationPointer claimed = upgraded.claim("a", "admin", t0, LEASE).orElseThrow();

        assertThat(upgraded.live()).isZero();
        assertThat(upgraded.scoreBase(0)).as("generation 0 keeps the old counter's versions").isEqualTo(2);
        assertThat(claimed.building()).isEqualTo(3);
        assertThat(claimed.scoreBase(3)).isEqualTo(3);
        assertThat(claimed.state()).isEqualTo(State.RUNNING);
        assertThat(claimed.revision()).isEqualTo(upgraded.revision() + 1);
        assertThat(claimed.buildAlive(t0.plusSeconds(29))).isTrue();
        assertThat(claimed.buildAlive(t0.plusSeconds(30))).isFalse();
    }

    @Test
    void aSecondClaimIsRefusedWhileTheLeaseRunsAndAllowedOnceItLapsed() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();

        assertThat(claimed.claim("b", "admin", t0.plusSeconds(10), LEASE)).isEmpty();
        GenerationPointer again = claimed.claim("b", "admin", t0.plusSeconds(31), LEASE).orElseThrow();
        assertThat(again.building()).as("never the abandoned generation's number").isEqualTo(2);
        assertThat(again.claimedBy()).isEqualTo("b");
    }

    @Test
    void theHeartbeatExtendsTheLeaseOnlyForItsClaimantAndOnlyBeforeItLapsed() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();

        GenerationPointer renewed = claimed.renew("a", t0.plusSeconds(20), LEASE, 500, 0).orElseThrow();
        assertThat(renewed.leaseUntil()).isEqualTo(t0.plusSeconds(50));
        assertThat(renewed.eventsRead()).isEqualTo(500);
        assertThat(claimed.renew("b", t0.plusSeconds(20), LEASE, 0, 0)).isEmpty();
        assertThat(claimed.renew("a", t0.plusSeconds(31), LEASE, 0, 0)).as("lapsed").isEmpty();
    }

    @Test
    void theSwitchMakesTheBuildLiveAndEndsIt() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();

        GenerationPointer done = claimed.switchLive("a", t0.plusSeconds(5), 1000, 400, GRACE).orElseThrow();

        assertThat(done.live()).isEqualTo(1);
        assertThat(done.building()).isNull();
        assertThat(done.state()).isEqualTo(State.DONE);
        assertThat(done.items()).isEqualTo(400);
        assertThat(done.finishedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(done.buildAlive(t0.plusSeconds(6))).isFalse();
        assertThat(claimed.switchLive("b", t0.plusSeconds(5), 0, 0, GRACE)).as("not its claim").isEmpty();
        assertThat(claimed.switchLive("a", t0.plusSeconds(31), 0, 0, GRACE)).as("lease lapsed").isEmpty();
        GenerationPointer next = done.claim("b", "admin", t0.plusSeconds(6), LEASE).orElseThrow();
        assertThat(next.building()).isEqualTo(2);
        assertThat(next.live()).isEqualTo(1);
    }

    @Test
    void thePreviousGenerationGoesOnReceivingWritesForTheGraceAfterTheSwitch() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();
        assertThat(claimed.previousAlive(t0)).as("no switch yet").isFalse();

        GenerationPointer done = claimed.switchLive("a", t0.plusSeconds(5), 1000, 400, GRACE).orElseThrow();

        assertThat(done.previous()).isZero();
        assertThat(done.previousAlive(t0.plusSeconds(6))).as("a replica may not have seen the switch yet").isTrue();
        assertThat(done.previousAlive(t0.plusSeconds(35))).as("the grace is over").isFalse();
    }

    @Test
    void aBuildWhoseReplicaStoppedReadsAsFailedAndKeepsTheLiveGeneration() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();

        assertThat(claimed.asSeenAt(t0.plusSeconds(10))).isEqualTo(claimed);
        GenerationPointer seen = claimed.asSeenAt(t0.plusSeconds(31));

        assertThat(seen.state()).isEqualTo(State.FAILED);
        assertThat(seen.message()).isEqualTo("重建中断：副本 a 已停止");
        assertThat(seen.live()).isZero();
    }

    @Test
    void aFailureRecordedByItsClaimantEndsTheBuild() {
        GenerationPointer claimed = GenerationPointer.initial(0).claim("a", "admin", t0, LEASE).orElseThrow();

        GenerationPointer failed = claimed.fail("a", t0.plusSeconds(3), "重建失败：x").orElseThrow();

        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.building()).isNull();
        assertThat(failed.live()).isZero();
        assertThat(claimed.fail("b", t0, "x")).isEmpty();
    }
}
