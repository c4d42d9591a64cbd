package cn.gov.eqq.govinfo.adoption.importing.application;

import java.time.Instant;
import java.util.List;

/**
 * An accepted import as it stands now.
 *
 * @param lines         the distinct lines of the file
 * @param recordedSince lines that waited for their item and have been recorded since it was received
 * @param stillWaiting  in Chinese, each line still waiting and why
 */
public record ImportStatus(String batchId, String fileName, String importedBy, Instant importedAt, int lines,
                          int recordedSince, List<String> stillWaiting) {
}
