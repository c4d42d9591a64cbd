package cn.gov.eqq.govinfo.intake.commission.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every golden event of the commission topic is read; only CommissionIssued is kept, with its target units. */
class CommissionEventsListenerTest {

    private final Map<String, CommissionTargets> kept = new LinkedHashMap<>();
    private final CommissionEventsListener listener = new CommissionEventsListener(new EventCodec(),
            new CommissionDirectory() {
                @Override
                public Optional<CommissionTargets> find(String commissionId) {
                    return Optional.ofNullable(kept.get(commissionId));
                }

                @Override
                public void issued(CommissionTargets commission) {
                    kept.put(commission.commissionId(), commission);
                }
            });

    @Test
    void everyGoldenCommissionEventIsReadAndOnlyTheIssueKeepsItsTargets() throws IOException {
        Resource[] golden = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:golden/" + Topics.COMMISSIONS + "/*.json");
        assertThat(golden).hasSizeGreaterThanOrEqualTo(6);

        for (Resource file : golden) {
            listener.on(file.getContentAsString(StandardCharsets.UTF_8));
        }

        assertThat(kept).containsExactly(Map.entry("CMS-2026-0001",
                new CommissionTargets("CMS-2026-0001", "乡村振兴典型做法", Set.of("U001", "U006"))));
    }
}
