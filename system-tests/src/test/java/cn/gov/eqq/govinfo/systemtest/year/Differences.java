package cn.gov.eqq.govinfo.systemtest.year;

import cn.gov.eqq.govinfo.systemtest.year.ReferenceScoring.Figures;
import cn.gov.eqq.govinfo.systemtest.year.ReferenceScoring.Row;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every difference between the reference and what an API answered, one line each: where (group, period, unit),
 * which figure (报送, 转报, 采用批示, 约稿, 扣分, 总分, 接收条数, 基础条数, 差额条数, 名次), expected and actual.
 */
public final class Differences {

    private final List<String> lines = new ArrayList<>();

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int size() {
        return lines.size();
    }

    public void add(String where, String what) {
        lines.add(where + ": " + what);
    }

    /** A ranking as an API answered it (rows with rank, unitId and the figures by source) against the reference. */
    public void compareRanking(String where, List<Row> expected, JsonNode ranking) {
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        for (JsonNode row : ranking.get("rows")) {
            actual.put(row.get("unitId").asString(), row);
        }
        for (Row row : expected) {
            JsonNode got = actual.remove(row.unitId());
            if (got == null) {
                add(where + " " + row.unitId(), "不在排名中（应为第" + row.rank() + "名，" + row.figures().points() + "分）");
                continue;
            }
            compareFigures(where + " " + row.unitId(), row.figures(), got);
            compare(where + " " + row.unitId(), "名次 rank", row.rank(), got.get("rank").asInt());
        }
        for (String extra : actual.keySet()) {
            add(where + " " + extra, "不应在该组该期排名中，却排第" + actual.get(extra).get("rank").asInt() + "名");
        }
    }

    /** The figures by source of one unit and period (a ranking row or a unit score). */
    public void compareFigures(String where, Figures expected, JsonNode actual) {
        compare(where, "报送 submissionPoints", expected.submission(), actual.get("submissionPoints").asInt());
        compare(where, "转报 forwardPoints", expected.forward(), actual.get("forwardPoints").asInt());
        compare(where, "采用批示 adoptionPoints", expected.adoption(), actual.get("adoptionPoints").asInt());
        compare(where, "约稿 commissionPoints", expected.commission(), actual.get("commissionPoints").asInt());
        compare(where, "扣分 deductionPoints", expected.deduction(), actual.get("deductionPoints").asInt());
        compare(where, "总分 points", expected.points(), actual.get("points").asInt());
        compare(where, "接收条数 receivedItems", expected.received(), actual.get("receivedItems").asInt());
        compareCarried(where, "基础条数 quota", expected.quota(), actual.get("quota"));
        compareCarried(where, "差额条数 shortfall", expected.shortfall(), actual.get("shortfall"));
    }

    /** A figure every row and score must carry: its absence is a difference too. */
    private void compareCarried(String where, String figure, int expected, JsonNode actual) {
        if (actual == null || actual.isNull()) {
            add(where, figure + " 应为 " + expected + "，实际未提供该字段");
        } else {
            compare(where, figure, expected, actual.asInt());
        }
    }

    private void compare(String where, String figure, int expected, int actual) {
        if (expected != actual) {
            add(where, figure + " 应为 " + expected + "，实为 " + actual);
        }
    }

    @Override
    public String toString() {
        return lines.size() + " 处不一致：\n" + String.join("\n", lines);
    }
}
