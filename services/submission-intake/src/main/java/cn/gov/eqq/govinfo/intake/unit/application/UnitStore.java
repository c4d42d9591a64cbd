package cn.gov.eqq.govinfo.intake.unit.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;

import java.util.List;
import java.util.Optional;

/** Where units live. Each write carries the event it causes, stored atomically with the state (outbox). */
public interface UnitStore {

    record StoredUnit(Unit unit, long version) {
    }

    List<Unit> findAll();

    Optional<StoredUnit> find(String unitId);

    long count();

    /** @return false when a unit with this id already exists */
    boolean insert(Unit unit, EventEnvelope<?> event);

    /** @return false when someone else changed the unit since {@code expectedVersion} */
    boolean update(Unit unit, long expectedVersion, EventEnvelope<?> event);

    /** Adds an event to the unit's outbox without changing it (republishing the directory). */
    void publishAgain(String unitId, EventEnvelope<?> event);
}
