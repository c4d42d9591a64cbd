package cn.gov.eqq.govinfo.contracts.unit;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * The whole current state of one reporting unit (报送单位). Published on a compacted topic, so the latest
 * record per unit is the directory; consumers simply upsert.
 *
 * @param unitId    stable id, e.g. {@code U201}; never reused
 * @param name      Chinese name as used in circulars, e.g. 发改委
 * @param group     the ranking group (第一组 = 1, 第二组 = 2, 第三组 = 3); rankings are always within a group
 * @param active    false once a unit is merged or dissolved: it keeps its history but is no longer ranked
 * @param changedAt when the administrator made this change
 */
public record UnitChanged(String unitId, String name, int group, boolean active, Instant changedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateKey() {
        return unitId;
    }
}
