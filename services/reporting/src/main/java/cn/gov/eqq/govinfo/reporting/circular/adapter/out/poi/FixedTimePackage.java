package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import org.apache.poi.ooxml.POIXMLProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes a rendered Word or Excel file depend only on the circular, not on when it was rendered. POI stamps the
 * moment of writing into a file twice: the package's creation date (docProps/core.xml) and the time of every zip
 * entry. A published circular is an official record, so every download of it must be the same file: both stamps are
 * set to the circular's own time (its publication), and the zip is written again entry by entry in the same order
 * with that time.
 */
final class FixedTimePackage {

    private FixedTimePackage() {
    }

    /** The time a circular's files carry: its publication, or for a draft its last change. */
    static Instant timeOf(Circular c) {
        return c.publishedAt() != null ? c.publishedAt() : c.updatedAt();
    }

    /** The package's creation and modification dates, before POI writes it. */
    static void date(POIXMLProperties properties, Instant at) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setCreated(Optional.of(Date.from(at)));
        core.setModified(Optional.of(Date.from(at)));
    }

    /**
     * The same package with every entry's time set to {@code at} (Beijing local time, as a zip stores it, whatever
     * the server's zone) and nothing else carried over from the first write.
     */
    static byte[] stamp(byte[] ooxml, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, BeijingTime.ZONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(ooxml.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(local);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
