package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.UnitRef;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;

import java.util.ArrayList;
import java.util.List;

/** What one unit sees of a circular in review: its own line, its own annex items, commissions and objections. */
public record UnitFigures(String circularId, String unitId, Integer group, RankingLine line, List<AnnexLine> annex,
                          List<UnitRef> commissions, List<Objection> objections) {

    public static UnitFigures of(Circular c, String unitId) {
        Integer group = null;
        RankingLine line = null;
        for (CircularFigures.GroupTable t : c.figures().groups()) {
            for (RankingLine r : t.rows()) {
                if (r.unitId().equals(unitId)) {
                    group = t.group();
                    line = r;
                }
            }
        }
        List<UnitRef> commissions = new ArrayList<>();
        for (CircularFigures.CommissionLine l : c.figures().commissions()) {
            for (List<UnitRef> refs : List.of(l.answered(), l.missed(), l.pending())) {
                refs.stream().filter(r -> r.unitId().equals(unitId))
                        .map(r -> new UnitRef(l.commissionId(), l.title(), r.status(), r.bonusItems()))
                        .forEach(commissions::add);
            }
        }
        return new UnitFigures(c.id(), unitId, group, line,
                c.figures().annex().stream().filter(a -> unitId.equals(a.unitId())).toList(), commissions,
                c.objections().stream().filter(o -> unitId.equals(o.unitId())).toList());
    }
}
