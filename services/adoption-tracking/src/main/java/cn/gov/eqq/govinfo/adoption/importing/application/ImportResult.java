package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.RowProblem;

import java.util.List;

/**
 * What an import did.
 *
 * @param added               records created now
 * @param alreadyOnFile       lines whose record was already there (a second import of the same file: all of them)
 * @param duplicateLinesInFile lines repeated inside the file, counted once
 * @param problems            when not empty nothing was imported
 */
public record ImportResult(boolean imported, String batchId, int lines, int added, int alreadyOnFile,
                           int duplicateLinesInFile, List<RowProblem> problems) {

    public static ImportResult refused(List<RowProblem> problems) {
        return new ImportResult(false, null, 0, 0, 0, 0, problems);
    }
}
