package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/** The running month's lane keeps its pace while a pass of the other lane takes seconds (a year after an import). */
class SnapshotPublishingTest {

    private final SnapshotPublisher publisher = mock(SnapshotPublisher.class);
    private final SnapshotPublishing publishing = new SnapshotPublishing(publisher, Duration.ofMillis(20));

    @Test
    void theRunningMonthIsPublishedWhileALongPassOfTheOtherKeysIsUnderWay() throws Exception {
        CountDownLatch passStarted = new CountDownLatch(1);
        CountDownLatch passMayEnd = new CountDownLatch(1);
        doAnswer(invocation -> {
            passStarted.countDown();
            passMayEnd.await(10, TimeUnit.SECONDS);
            return null;
        }).when(publisher).tick();
        Thread scheduler = new Thread(publishing::tick, "scheduling-1");
        publishing.start();
        try {
            scheduler.start();
            assertThat(passStarted.await(5, TimeUnit.SECONDS)).isTrue();
            clearInvocations(publisher);

            verify(publisher, timeout(5_000).atLeast(5)).tickRunningMonth();
            assertThat(scheduler.isAlive()).as("the long pass is still under way").isTrue();
        } finally {
            passMayEnd.countDown();
            scheduler.join(5_000);
            publishing.stop();
        }
        assertThat(publishing.isRunning()).isFalse();
    }
}
