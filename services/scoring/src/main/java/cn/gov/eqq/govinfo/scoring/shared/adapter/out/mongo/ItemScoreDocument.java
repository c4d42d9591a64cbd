package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;

import java.util.List;

/**
 * One document per item in {@code item_scores}: its facts (with the applied event ids), the entries derived from
 * them, the months they count in (for queries), a version for optimistic single-document updates, the
 * {@code scoreVersion} and content digest of its last published {@code ItemScored} (absent in documents stored
 * before scores were published) and, beside these fields, the {@code outbox} the platform relay publishes from.
 */
record ItemScoreDocument(String id, String unitId, ItemFacts facts, List<LedgerEntry> entries, List<String> months,
                         long version, Long scoreVersion, String scoreDigest) {

    StoredItem stored() {
        return new StoredItem(facts, entries, version,
                scoreVersion == null || scoreDigest == null ? null
                        : new StoredItem.Published(scoreVersion, scoreDigest));
    }
}
