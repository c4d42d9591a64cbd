package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published circular is an official record: every download of its Word and Excel files is the same file, whenever
 * and on whichever replica it is rendered. Only what was stored with the circular goes into the bytes; the time the
 * files carry is the publication's.
 */
class PublishedCircularFilesTest {

    private static final Instant PUBLISHED_AT = NOW.plus(Duration.ofDays(2));

    private final Circular published = Circular.draft("c1", CircularKind.QUARTERLY, CircularFixtures.Q3,
                    CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room", NOW)
            .openReview(NOW.plus(Duration.ofDays(1)), NOW)
            .publish("鄂前政办信〔2026〕7号", "room", PUBLISHED_AT);

    @Test
    void theWordFileOfAPublishedCircularIsTheSameBytesWhenEverItIsDownloaded() {
        byte[] first = new CircularDocxRenderer().render(published, NOW.plus(Duration.ofDays(3)));
        byte[] later = new CircularDocxRenderer().render(published, NOW.plus(Duration.ofDays(400)));

        assertThat(later).isEqualTo(first);
    }

    @Test
    void theExcelFileOfAPublishedCircularIsTheSameBytesWhenEverItIsDownloaded() {
        assertThat(new CircularXlsxRenderer().render(published)).isEqualTo(new CircularXlsxRenderer().render(published));
    }

    @Test
    void bothFilesCarryThePublicationTimeNotTheTimeOfTheDownload() throws IOException {
        LocalDateTime publishedInBeijing = LocalDateTime.ofInstant(PUBLISHED_AT, BeijingTime.ZONE);
        byte[] docx = new CircularDocxRenderer().render(published, NOW.plus(Duration.ofDays(3)));
        byte[] xlsx = new CircularXlsxRenderer().render(published);

        assertThat(entryTimes(docx)).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(publishedInBeijing));
        assertThat(entryTimes(xlsx)).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(publishedInBeijing));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (POIXMLProperties.CoreProperties core : List.of(doc.getProperties().getCoreProperties(),
                    wb.getProperties().getCoreProperties())) {
                assertThat(core.getCreated().toInstant()).isEqualTo(PUBLISHED_AT);
                assertThat(core.getModified().toInstant()).isEqualTo(PUBLISHED_AT);
            }
        }
    }

    @Test
    void aDraftsFilesCarryItsLastChange() throws IOException {
        Circular draft = Circular.draft("c2", CircularKind.QUARTERLY, CircularFixtures.Q3, CircularFixtures.figures(),
                CircularFixtures.LETTERHEAD, "room", NOW);

        assertThat(entryTimes(new CircularXlsxRenderer().render(draft)))
                .allSatisfy(t -> assertThat(t).isEqualTo(LocalDateTime.ofInstant(NOW, BeijingTime.ZONE)));
    }

    private static List<LocalDateTime> entryTimes(byte[] zip) throws IOException {
        List<LocalDateTime> times = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                times.add(e.getTimeLocal());
            }
        }
        return times;
    }
}
