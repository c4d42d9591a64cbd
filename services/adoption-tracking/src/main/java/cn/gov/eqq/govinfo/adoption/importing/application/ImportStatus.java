package cn.gov.eqq.govinfo.adoption.importing.application;

import java.util.List;

/**
 * An import batch as it stands now: its state and progress, and (once written) its lines that waited for their item,
 * recorded since or still waiting (ADR 0019).
 *
 * @param waiting              lines still waiting for their item now
 * @param recordedSinceWaiting lines that waited and have been recorded since their item was received
 * @param waitingLines         in Chinese, each line still waiting and why
 */
public record ImportStatus(ImportBatchStore.Batch batch, int waiting, int recordedSinceWaiting,
                           List<String> waitingLines) {

    public ImportStatus {
        waitingLines = List.copyOf(waitingLines);
    }

    /** The Chinese line of a line waiting for its item. */
    public static String waitingLine(int line, String itemId) {
        return "第 " + line + " 行：信息 " + itemId + " 尚未接收，接收后自动登记";
    }
}
