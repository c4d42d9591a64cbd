package cn.gov.eqq.govinfo.intake.unit.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.intake.unit.domain.Membership;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory's use cases against an in-memory store that records what would go to the outbox. */
class KeepingUnitsTest {

    static final class InMemoryUnits implements UnitStore {
        final Map<String, StoredUnit> units = new LinkedHashMap<>();
        final List<EventEnvelope<?>> outbox = new ArrayList<>();

        @Override
        public List<Unit> findAll() {
            return units.values().stream().map(StoredUnit::unit).toList();
        }

        @Override
        public Optional<StoredUnit> find(String unitId) {
            return Optional.ofNullable(units.get(unitId));
        }

        @Override
        public long count() {
            return units.size();
        }

        @Override
        public boolean insert(Unit unit, EventEnvelope<?> event) {
            if (units.containsKey(unit.id())) {
                return false;
            }
            units.put(unit.id(), new StoredUnit(unit, 0));
            outbox.add(event);
            return true;
        }

        @Override
        public boolean update(Unit unit, long expectedVersion, EventEnvelope<?> event) {
            if (units.get(unit.id()).version() != expectedVersion) {
                return false;
            }
            units.put(unit.id(), new StoredUnit(unit, expectedVersion + 1));
            outbox.add(event);
            return true;
        }

        @Override
        public void publishAgain(String unitId, EventEnvelope<?> event) {
            outbox.add(event);
        }
    }

    private final InMemoryUnits store = new InMemoryUnits();
    private final KeepingUnits service = new KeepingUnits(store,
            Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC), () -> { });

    private InputStream seed() {
        return getClass().getClassLoader().getResourceAsStream("seed/units-2022.csv");
    }

    @Test
    void firstStartLoadsAndPublishesThe52UnitsOnceAsMembersSinceTheFirstPolicyMonth() {
        assertThat(service.seedIfEmpty(seed())).isEqualTo(52);
        assertThat(service.seedIfEmpty(seed())).isZero();

        assertThat(store.outbox).hasSize(52);
        UnitChanged first = (UnitChanged) store.outbox.get(0).payload();
        assertThat(first).isEqualTo(new UnitChanged("U001", "上海庙经济开发区", 1, true,
                Instant.parse("2026-07-01T00:00:00Z"), List.of(new UnitChanged.Membership(1, "2022-07", null))));
        assertThat(store.outbox.get(0).key()).isEqualTo("U001");
        assertThat(service.idsInGroup(3)).hasSize(16).first().isEqualTo("U037");
    }

    @Test
    void republishingPutsEveryUnitsCurrentStateOnTheTopicAgain() {
        service.seedIfEmpty(seed());
        service.change(new KeepingUnits.ChangeUnit("U039", "供销合作社", null, null, null));
        store.outbox.clear();

        assertThat(service.republishAll()).isEqualTo(52);

        assertThat(store.outbox).hasSize(52);
        assertThat(store.outbox).map(e -> (UnitChanged) e.payload())
                .filteredOn(u -> u.unitId().equals("U039")).singleElement()
                .extracting(UnitChanged::name).isEqualTo("供销合作社");
    }

    @Test
    void aChangeThatChangesNothingPublishesNothing() {
        service.seedIfEmpty(seed());
        store.outbox.clear();

        service.change(new KeepingUnits.ChangeUnit("U006", "发改委", 2, true, null));

        assertThat(store.outbox).isEmpty();
    }

    @Test
    void unknownUnitAndBadValuesAreRefused() {
        service.seedIfEmpty(seed());
        assertThatThrownBy(() -> service.change(new KeepingUnits.ChangeUnit("U999", "x", null, null, null)))
                .isInstanceOf(UseCaseFailure.class)
                .hasMessage("单位 U999 不存在");
        assertThatThrownBy(() -> service.change(new KeepingUnits.ChangeUnit("U006", " ", null, null, null)))
                .isInstanceOf(UseCaseFailure.class)
                .hasMessage("单位名称不能为空");
    }

    @Test
    void backDatedMovePublishesTheUnitsWholeHistory() {
        service.seedIfEmpty(seed());
        store.outbox.clear();

        service.change(new KeepingUnits.ChangeUnit("U006", null, 3, null, YearMonth.of(2026, 3)));

        assertThat(store.outbox).map(e -> (UnitChanged) e.payload()).singleElement().satisfies(u -> {
            assertThat(u.group()).isEqualTo(3);
            assertThat(u.active()).isTrue();
            assertThat(u.memberships()).containsExactly(new UnitChanged.Membership(2, "2022-07", "2026-03"),
                    new UnitChanged.Membership(3, "2026-03", null));
        });
    }

    @Test
    void changeWithoutAMonthTakesEffectThisMonthInBeijing() {
        service.seedIfEmpty(seed());

        // the clock stands at 2026-07-01T00:00Z, already July in Beijing
        Unit left = service.change(new KeepingUnits.ChangeUnit("U006", null, null, false, null));

        assertThat(left.memberships()).containsExactly(new Membership(2, YearMonth.of(2022, 7), YearMonth.of(2026, 7)));
    }

    @Test
    void unitCreatedWithAJoinMonthIsAMemberFromThatMonth() {
        Unit created = service.create(new KeepingUnits.CreateUnit("U060", "数据局", 2, YearMonth.of(2026, 5)));

        assertThat(created.memberships()).containsExactly(new Membership(2, YearMonth.of(2026, 5), null));
        assertThat(((UnitChanged) store.outbox.get(0).payload()).memberships())
                .containsExactly(new UnitChanged.Membership(2, "2026-05", null));
    }

    @Test
    void membershipChangesTheHistoryDoesNotAllowAreRefusedWithAProblemNamingTheMonth() {
        service.create(new KeepingUnits.CreateUnit("U060", "数据局", 2, YearMonth.of(2026, 5)));

        assertThatThrownBy(() -> service.change(new KeepingUnits.ChangeUnit("U060", null, 3, null, YearMonth.of(2026, 4))))
                .isInstanceOfSatisfying(UseCaseFailure.class, p -> {
                    assertThat(p.getMessage()).isEqualTo("调整分组的月份应晚于加入第二组的月份（2026年5月），收到 2026年4月");
                    assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.INVALID);
                });
        assertThatThrownBy(() -> service.change(new KeepingUnits.ChangeUnit("U060", null, null, false, YearMonth.of(2026, 5))))
                .isInstanceOf(UseCaseFailure.class).hasMessage("退出的月份应晚于加入第二组的月份（2026年5月），收到 2026年5月");
        service.change(new KeepingUnits.ChangeUnit("U060", null, null, false, YearMonth.of(2026, 6)));
        assertThatThrownBy(() -> service.change(new KeepingUnits.ChangeUnit("U060", null, 3, null, YearMonth.of(2026, 8))))
                .isInstanceOf(UseCaseFailure.class).hasMessage("单位已退出，不能调整分组；请先重新加入");
    }
}
