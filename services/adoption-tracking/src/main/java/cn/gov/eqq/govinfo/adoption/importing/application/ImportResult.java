package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.RowProblem;

import java.util.List;

/**
 * What an import did.
 *
 * @param added               records created now
 * @param alreadyOnFile       lines whose record was already there (a second import of the same file: all of them)
 * @param duplicateLinesInFile lines repeated inside the file, counted once
 * @param waiting             lines waiting for their item to be received; recorded when it is
 * @param waitingLines        in Chinese, each waiting line and the item it waits for
 * @param problems            when not empty nothing was imported
 */
public record ImportResult(boolean imported, String batchId, int lines, int added, int alreadyOnFile,
                           int duplicateLinesInFile, int waiting, List<String> waitingLines,
                           List<RowProblem> problems) {

    public static ImportResult refused(List<RowProblem> problems) {
        return new ImportResult(false, null, 0, 0, 0, 0, 0, List.of(), problems);
    }

    /** The Chinese line of a line waiting for its item. */
    public static String waitingLine(int line, String itemId) {
        return "第 " + line + " 行：信息 " + itemId + " 尚未接收，接收后自动登记";
    }
}
