package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;

import java.util.List;

/**
 * Port: the circulars reporting has published (from {@code reporting.circular-events.v1}), one per series; a policy
 * version may not reach into their periods.
 */
public interface CircularStore {

    /**
     * Records a published circular; a correction of the same series (a higher {@code version}) replaces its title
     * and number, a version arriving late or again changes nothing.
     */
    void published(PublishedCircular circular, int version);

    List<PublishedCircular> all();
}
