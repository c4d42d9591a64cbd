package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.scoring.domain.ScoringPolicy;

import java.time.Instant;
import java.util.List;

/** Port: policy versions added by administrators (the shipped version is a resource file, not stored). */
public interface PolicyStore {

    List<ScoringPolicy> all();

    /** @return false when the version name is taken */
    boolean insert(ScoringPolicy policy, String addedBy, Instant addedAt);
}
