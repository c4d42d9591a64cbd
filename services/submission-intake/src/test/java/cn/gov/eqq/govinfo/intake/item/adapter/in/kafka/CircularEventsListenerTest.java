package cn.gov.eqq.govinfo.intake.item.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.item.domain.PublishedCircular;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Intake reads from reporting's CloudEvents which quarter or year a published circular covers, and nothing else. */
class CircularEventsListenerTest {

    private static String golden(String type) throws IOException {
        try (InputStream in = CircularEventsListenerTest.class.getClassLoader()
                .getResourceAsStream("golden/" + Topics.CIRCULARS + "/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPublishedCircularGivesItsSeriesPeriodTitleNumberAndVersion() throws IOException {
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.circular.published.v1"))).get()
                .isEqualTo(new CircularEventsListener.Publication(new PublishedCircular("QUARTERLY-2026-Q3", "2026-Q3",
                        "关于2026年第三季度全旗政务信息工作情况的通报", "鄂前政办信〔2026〕7号"), 1));
    }

    @Test
    void finalizedRankingsAndSupersessionsAreSkipped() throws IOException {
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.ranking.finalized.v1"))).isEmpty();
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.circular.superseded.v1"))).isEmpty();
    }

    @Test
    void aRecordThatIsNoCloudEventOrNamesAMonthIsUndecodable() throws IOException {
        assertThatThrownBy(() -> CircularEventsListener.read("不是JSON")).isInstanceOf(EventDecodingException.class);
        String monthly = golden("cn.gov.eqq.govinfo.circular.published.v1").replace("\"2026-Q3\"", "\"2026-07\"");
        assertThatThrownBy(() -> CircularEventsListener.read(monthly)).isInstanceOf(EventDecodingException.class);
    }
}
