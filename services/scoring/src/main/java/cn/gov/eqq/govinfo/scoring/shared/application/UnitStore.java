package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Port: the unit directory as told by {@code UnitChanged}. */
public interface UnitStore {

    Optional<Unit> find(String unitId);

    /** The known units among these ids, in one read. */
    Map<String, Unit> findAll(Collection<String> unitIds);

    /** Stores these states as they are (the caller decided they are the newer ones), in one round trip. */
    void saveAll(Collection<Unit> units);

    UnitDirectory directory();

    /** The same store in the given generation's collection; this store itself follows the live generation. */
    UnitStore inGeneration(long generation);
}
