package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * 综合采用: a higher level adopted a piece the room compiled from several units' items. One decision, written once,
 * then applied to every source item as that item's own record (id {@code <combinedRecordId>.<n>}), all sharing
 * {@code combinedRecordId} and each saying its place in the listed order (0 = the lead item). Which sources earn
 * points is scoring's rule (the policy version's combined-credit rule); this service records every source alike.
 */
public record CombinedAdoption(String combinedRecordId, RecordContent content, List<SourceCredit> sources,
                               String by, Instant at) {

    /** One source item and the id of its record; its place is its index in {@link #sources()}. */
    public record SourceCredit(String itemId, String recordId) {
    }

    public CombinedAdoption {
        Objects.requireNonNull(combinedRecordId, "combinedRecordId");
        Objects.requireNonNull(content, "content");
        sources = List.copyOf(sources);
    }

    /** The place of a source in the listed order: the first listed (0) is the lead item. */
    public int positionOf(SourceCredit source) {
        int position = sources.indexOf(source);
        if (position < 0) {
            throw new IllegalArgumentException("not a source of " + combinedRecordId + ": " + source.itemId());
        }
        return position;
    }

    public static CombinedAdoption plan(String combinedRecordId, RecordContent content, List<String> sourceItemIds,
                                        String by, Instant at) {
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
            credits.add(new SourceCredit(itemId, combinedRecordId + "." + (n + 1)));
            n++;
        }
        return new CombinedAdoption(combinedRecordId, content, credits, by, at);
    }
}
