package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.GroupTable;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/** What a correction changes: every ranking figure per unit, and the annex items added or dropped. */
final class FigureDiff {

    private record Column(String name, ToIntFunction<RankingLine> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("名次", RankingLine::rank),
            new Column("总积分", RankingLine::points),
            new Column("报送积分", RankingLine::submissionPoints),
            new Column("转报积分", RankingLine::forwardPoints),
            new Column("采用积分", RankingLine::adoptionPoints),
            new Column("约稿积分", RankingLine::commissionPoints),
            new Column("扣分", RankingLine::deductionPoints),
            new Column("收录条数", RankingLine::receivedItems),
            new Column("基础条数", RankingLine::quota),
            new Column("差额", RankingLine::shortfall));

    static List<FigureChange> between(CircularFigures before, CircularFigures after) {
        List<FigureChange> changes = new ArrayList<>();
        Map<Integer, GroupTable> old = index(before);
        Map<Integer, GroupTable> now = index(after);
        for (Integer group : union(old.keySet(), now.keySet())) {
            Map<String, RankingLine> o = lines(old.get(group));
            Map<String, RankingLine> n = lines(now.get(group));
            for (String unitId : union(o.keySet(), n.keySet())) {
                RankingLine a = o.get(unitId);
                RankingLine b = n.get(unitId);
                String name = b != null ? b.unitName() : a.unitName();
                if (a == null) {
                    changes.add(new FigureChange(group, unitId, name, "排名", "未列入", "列入"));
                } else if (b == null) {
                    changes.add(new FigureChange(group, unitId, name, "排名", "列入", "未列入"));
                } else {
                    for (Column c : COLUMNS) {
                        int x = c.value().applyAsInt(a);
                        int y = c.value().applyAsInt(b);
                        if (x != y) {
                            changes.add(new FigureChange(group, unitId, name, c.name(), Integer.toString(x),
                                    Integer.toString(y)));
                        }
                    }
                }
            }
        }
        Map<String, AnnexLine> oa = annex(before);
        Map<String, AnnexLine> na = annex(after);
        for (String itemId : union(oa.keySet(), na.keySet())) {
            AnnexLine a = oa.get(itemId);
            AnnexLine b = na.get(itemId);
            AnnexLine any = b != null ? b : a;
            String figure = "附件《" + any.itemTitle() + "》";
            if (a == null) {
                changes.add(new FigureChange(null, any.unitId(), any.unitName(), figure, "无", points(b)));
            } else if (b == null) {
                changes.add(new FigureChange(null, any.unitId(), any.unitName(), figure, points(a), "删除"));
            } else if (!Objects.equals(a.points(), b.points()) || !Objects.equals(a.publication(), b.publication())) {
                changes.add(new FigureChange(null, any.unitId(), any.unitName(), figure,
                        a.publication() + " " + points(a), b.publication() + " " + points(b)));
            }
        }
        return changes;
    }

    private static String points(AnnexLine a) {
        return a.points() == null ? "积分待公布" : a.points() + "分";
    }

    private static Map<Integer, GroupTable> index(CircularFigures f) {
        Map<Integer, GroupTable> m = new LinkedHashMap<>();
        f.groups().forEach(g -> m.put(g.group(), g));
        return m;
    }

    private static Map<String, RankingLine> lines(GroupTable t) {
        Map<String, RankingLine> m = new LinkedHashMap<>();
        if (t != null) {
            t.rows().forEach(r -> m.put(r.unitId(), r));
        }
        return m;
    }

    private static Map<String, AnnexLine> annex(CircularFigures f) {
        Map<String, AnnexLine> m = new LinkedHashMap<>();
        f.annex().forEach(a -> m.put(a.itemId(), a));
        return m;
    }

    private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }

    private FigureDiff() {
    }
}
