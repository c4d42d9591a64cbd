package cn.gov.eqq.govinfo.reporting.statistics.application;

import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;

import java.util.List;
import java.util.Optional;

/**
 * Port: statistics computed once and kept, shared by every replica, so that a page read answers from one document
 * instead of computing over every fact of all time.
 */
public interface KeptStatistics {

    /**
     * The reading kept under {@code key}, if it was computed at exactly this facts revision and Beijing minute;
     * empty otherwise.
     */
    Optional<List<UnitMonthStatistics>> find(String key, long revision, String minute);

    /** Keeps a reading (replacing the one kept under the key). */
    void keep(String key, long revision, String minute, List<UnitMonthStatistics> statistics);
}
