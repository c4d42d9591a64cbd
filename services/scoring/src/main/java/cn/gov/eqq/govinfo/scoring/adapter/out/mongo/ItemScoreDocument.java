package cn.gov.eqq.govinfo.scoring.adapter.out.mongo;

import cn.gov.eqq.govinfo.scoring.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;

import java.util.List;

/**
 * One document per item in {@code item_scores}: its facts (with the applied event ids), the entries derived from
 * them, the months they count in (for queries) and a version for optimistic single-document updates.
 */
record ItemScoreDocument(String id, String unitId, ItemFacts facts, List<LedgerEntry> entries, List<String> months,
                         long version) {
}
