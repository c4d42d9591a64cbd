package cn.gov.eqq.govinfo.platform.imports;

/**
 * The states of an import batch that is checked and written in the background (ADR 0022), with the Chinese label
 * every service's batch view shows, so that one portal page reads every import: QUEUED → CHECKING → FAILED (problems,
 * nothing written) or → WRITING (committed: written whole, whoever writes it) → DONE.
 */
public enum ImportState {
    QUEUED("排队中"),
    CHECKING("正在检查"),
    WRITING("正在写入"),
    DONE("已完成"),
    FAILED("有错误，未导入");

    private final String label;

    ImportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
