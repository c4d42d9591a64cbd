package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * 综合采用: a higher level adopted a piece the room compiled from several units' items. One decision, written once,
 * then applied to every source item as that item's own record (id {@code <combinedRecordId>.<n>}), all sharing
 * {@code combinedRecordId}.
 */
public record CombinedAdoption(String combinedRecordId, RecordContent content, List<SourceCredit> sources,
                               String by, Instant at) {

    /** One source item, the id of its record, and whether the policy credits it. */
    public record SourceCredit(String itemId, String recordId, boolean credited) {
    }

    public CombinedAdoption {
        Objects.requireNonNull(combinedRecordId, "combinedRecordId");
        Objects.requireNonNull(content, "content");
        sources = List.copyOf(sources);
    }

    public static CombinedAdoption plan(String combinedRecordId, RecordContent content, List<String> sourceItemIds,
                                        CombinedCreditPolicy policy, String by, Instant at) {
        if (sourceItemIds == null) {
            sourceItemIds = List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : sourceItemIds) {
            if (id != null && !id.isBlank()) {
                distinct.add(id.strip());
            }
        }
        if (distinct.size() < 2) {
            throw new AdoptionRuleViolation("combined.needs-two-sources", "综合采用至少需要两条不同的来源信息");
        }
        if (distinct.size() != sourceItemIds.size()) {
            throw new AdoptionRuleViolation("combined.duplicate-source", "来源信息重复或为空");
        }
        List<SourceCredit> credits = new ArrayList<>();
        int n = 0;
        for (String itemId : distinct) {
            credits.add(new SourceCredit(itemId, combinedRecordId + "." + (n + 1), policy.credits(n)));
            n++;
        }
        return new CombinedAdoption(combinedRecordId, content, credits, by, at);
    }
}
