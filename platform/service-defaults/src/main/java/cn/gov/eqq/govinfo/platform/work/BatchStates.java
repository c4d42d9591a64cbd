package cn.gov.eqq.govinfo.platform.work;

import java.util.Map;

/** The Chinese names of an import batch's states, the same on every service's batch view (one portal page). */
public final class BatchStates {

    private static final Map<String, String> LABELS = Map.of("QUEUED", "排队中", "CHECKING", "正在检查",
            "WRITING", "正在写入", "DONE", "已完成", "FAILED", "有错误，未导入");

    private BatchStates() {
    }

    /** @param state QUEUED, CHECKING, WRITING, DONE or FAILED */
    public static String label(String state) {
        return LABELS.getOrDefault(state, state);
    }
}
