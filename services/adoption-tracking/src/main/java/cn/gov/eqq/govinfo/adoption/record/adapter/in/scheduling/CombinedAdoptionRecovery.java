package cn.gov.eqq.govinfo.adoption.record.adapter.in.scheduling;

import cn.gov.eqq.govinfo.adoption.record.application.RecordingAdoptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every recovery interval, finishes the combined adoptions a crash left half-applied. Every replica runs it: applying
 * a source twice adds nothing, so no leader is needed.
 */
@Component
class CombinedAdoptionRecovery {

    private final RecordingAdoptions recording;

    CombinedAdoptionRecovery(RecordingAdoptions recording) {
        this.recording = recording;
    }

    @Scheduled(fixedDelayString = "${govinfo.adoption.recovery-interval:30s}",
            initialDelayString = "${govinfo.adoption.recovery-initial-delay:5s}")
    void completePending() {
        recording.completePending();
    }
}
