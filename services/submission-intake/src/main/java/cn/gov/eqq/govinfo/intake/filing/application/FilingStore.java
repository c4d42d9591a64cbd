package cn.gov.eqq.govinfo.intake.filing.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rules filings (备案), one per unit and year; a new filing replaces the previous one, which stays in history. */
public interface FilingStore {

    record Filing(int year, String unitId, String title, String attachmentId, String fileName, String filedBy,
                  Instant filedAt, Instant firstFiledAt) {
    }

    void save(Filing filing);

    Optional<Filing> find(int year, String unitId);

    List<Filing> ofYear(int year);
}
