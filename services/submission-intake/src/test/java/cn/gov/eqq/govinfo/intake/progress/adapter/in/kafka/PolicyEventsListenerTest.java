package cn.gov.eqq.govinfo.intake.progress.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.progress.application.PolicyVersions;
import cn.gov.eqq.govinfo.intake.progress.domain.QuotaVersion;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden policy version is read, and intake keeps its name, effective date and quota by group. */
class PolicyEventsListenerTest {

    private final List<QuotaVersion> kept = new ArrayList<>();
    private final PolicyEventsListener listener = new PolicyEventsListener(new EventCodec(), new PolicyVersions() {
        @Override
        public void added(QuotaVersion version) {
            kept.add(version);
        }

        @Override
        public List<QuotaVersion> all() {
            return kept;
        }
    });

    @Test
    void theGoldenPolicyVersionIsKeptWithItsQuotaByGroup() throws IOException {
        Resource[] golden = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:golden/" + Topics.POLICIES + "/*.json");
        assertThat(golden).hasSize(1);

        listener.on(golden[0].getContentAsString(StandardCharsets.UTF_8));

        assertThat(kept).containsExactly(new QuotaVersion("county-2026", LocalDate.of(2026, 1, 1),
                Map.of(1, 8, 2, 8, 3, 4)));
    }
}
