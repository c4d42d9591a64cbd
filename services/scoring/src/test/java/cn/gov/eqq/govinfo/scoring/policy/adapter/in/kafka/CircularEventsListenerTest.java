package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reporting's golden CloudEvents, read as scoring reads them: which period a published circular covers. */
class CircularEventsListenerTest {

    private static final String GOLDEN = "/golden/reporting.circular-events.v1/";

    @Test
    void publishedCircularIsReadWithItsPeriodTitleNumberAndVersion() throws IOException {
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.circular.published.v1.json")))
                .contains(new CircularEventsListener.Publication(new PublishedCircular("QUARTERLY-2026-Q3",
                        ReportingPeriod.quarter(2026, 3), "关于2026年第三季度全旗政务信息工作情况的通报", "鄂前政办信〔2026〕7号"), 1));
    }

    @Test
    void otherCloudEventsTypesAreSkipped() throws IOException {
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.circular.superseded.v1.json"))).isEmpty();
        assertThat(CircularEventsListener.read(golden("cn.gov.eqq.govinfo.ranking.finalized.v1.json"))).isEmpty();
    }

    @Test
    void publicationWithoutAPeriodOrThatIsNoCloudEventIsUndecodable() {
        assertThatThrownBy(() -> CircularEventsListener.read("{\"type\":\"cn.gov.eqq.govinfo.circular.published.v1\","
                + "\"data\":{\"seriesId\":\"S\",\"version\":1}}")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> CircularEventsListener.read("not json")).isInstanceOf(EventDecodingException.class);
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = CircularEventsListenerTest.class.getResourceAsStream(GOLDEN + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
