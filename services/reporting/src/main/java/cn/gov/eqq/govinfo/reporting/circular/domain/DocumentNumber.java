package cn.gov.eqq.govinfo.reporting.circular.domain;

/** 鄂前政办信〔2026〕N号: the office's own numbering of information circulars, one sequence per year. */
public final class DocumentNumber {

    public static String format(int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1");
        }
        return "鄂前政办信〔" + year + "〕" + sequence + "号";
    }

    private DocumentNumber() {
    }
}
