package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.record.application.ItemScores;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public class InMemoryItemScores implements ItemScores {

    private final Map<String, ItemScore> scores = new HashMap<>();

    @Override
    public synchronized boolean keepIfNewer(ItemScore score) {
        if (!score.supersedes(find(score.itemId()))) {
            return false;
        }
        scores.put(score.itemId(), score);
        return true;
    }

    @Override
    public synchronized Optional<ItemScore> find(String itemId) {
        return Optional.ofNullable(scores.get(itemId));
    }

    @Override
    public synchronized Map<String, ItemScore> findAll(Collection<String> itemIds) {
        Map<String, ItemScore> found = new HashMap<>();
        itemIds.forEach(id -> find(id).ifPresent(s -> found.put(id, s)));
        return found;
    }
}
