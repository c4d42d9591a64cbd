package cn.gov.eqq.govinfo.contracts.reporting;

import java.time.Instant;

/**
 * {@code data} of {@code cn.gov.eqq.govinfo.circular.superseded.v1}: a published circular version was replaced by
 * its published correction. The superseded version's figures stay as they were (it is frozen); the dashboard should
 * show the correcting version's figures from now on.
 *
 * @param circularId                 the version replaced, e.g. {@code QUARTERLY-2026-Q3-v1}
 * @param supersededByCircularId     the correction now in force, e.g. {@code QUARTERLY-2026-Q3-v2}
 * @param supersededAt               when the correction was published
 */
public record CircularSuperseded(String circularId, String seriesId, String kind, String period,
                                 String supersededByCircularId, int supersededByVersion,
                                 String supersededByDocumentNumber, Instant supersededAt, String correctionReason) {
}
