package cn.gov.eqq.govinfo.intake.unit.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The unit directory: the administrator's changes with the month they take effect from, the first-start seed (the
 * 52 units of 2022, members since 2022-07), and republishing to the compacted topic — each record with the unit's
 * whole membership history, since compaction keeps only the latest one.
 */
public class KeepingUnits {

    public static final String PRODUCER = "submission-intake";

    /** A new unit in {@code group} from {@code fromMonth}; null {@code fromMonth} means this month. */
    public record CreateUnit(String unitId, String name, Integer group, YearMonth fromMonth) {
    }

    /**
     * The administrator's change of a unit; a null field keeps what the unit has, a null {@code fromMonth} means
     * this month.
     */
    public record ChangeUnit(String unitId, String name, Integer group, Boolean active, YearMonth fromMonth) {
    }

    private final UnitStore store;
    private final Clock clock;
    private final Runnable afterWrite;

    public KeepingUnits(UnitStore store, Clock clock, Runnable afterWrite) {
        this.store = store;
        this.clock = clock;
        this.afterWrite = afterWrite;
    }

    public List<Unit> all() {
        return store.findAll().stream().sorted(Comparator.comparing(Unit::id)).toList();
    }

    public Optional<Unit> find(String unitId) {
        return store.find(unitId).map(UnitStore.StoredUnit::unit);
    }

    public Map<String, Unit> byId() {
        return store.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    public List<String> idsInGroup(int group) {
        return store.findAll().stream().filter(u -> u.group() == group).map(Unit::id).sorted().toList();
    }

    /**
     * A new unit, a member of {@code group} from {@code fromMonth} (this month when not given), which may lie in the
     * past: months before it count for nothing.
     */
    public Unit create(CreateUnit command) {
        String unitId = command.unitId();
        String name = command.name();
        Integer group = command.group();
        YearMonth fromMonth = command.fromMonth();
        requireValid(Unit.check(unitId, name, group));
        Unit unit = refusedAsFailure(() -> Unit.joining(unitId, name, group, monthOrThis(fromMonth)));
        if (!store.insert(unit, changed(unit))) {
            throw UseCaseFailure.conflict("unit.exists", "单位编号 " + unitId + " 已存在");
        }
        afterWrite.run();
        return unit;
    }

    /**
     * The administrator's change: a rename (the history stays), a move to another group, leaving
     * ({@code active=false}) or joining again ({@code active=true}), each from {@code fromMonth} (this month when
     * not given) — back-dated changes included, as long as they do not overlap the recorded history.
     */
    public Unit change(ChangeUnit command) {
        String unitId = command.unitId();
        String name = command.name();
        Integer group = command.group();
        Boolean active = command.active();
        YearMonth fromMonth = command.fromMonth();
        UnitStore.StoredUnit stored = store.find(unitId)
                .orElseThrow(() -> UseCaseFailure.notFound("单位 " + unitId + " 不存在"));
        Unit before = stored.unit();
        Unit renamed = name == null ? before : before.renamed(name);
        requireValid(Unit.check(renamed.id(), renamed.name(), group == null ? renamed.group() : group));
        YearMonth from = monthOrThis(fromMonth);
        Unit next = refusedAsFailure(() -> {
            if (Boolean.FALSE.equals(active)) {
                return renamed.active() ? renamed.leaving(from) : renamed;
            }
            if (Boolean.TRUE.equals(active) && !renamed.active()) {
                return renamed.movedTo(group == null ? renamed.group() : group, from);
            }
            if (group != null && group != renamed.group()) {
                if (!renamed.active()) {
                    throw new Unit.MembershipRefused("group", "单位已退出，不能调整分组；请先重新加入");
                }
                return renamed.movedTo(group, from);
            }
            return renamed;
        });
        if (next.equals(before)) {
            return next; // nothing changed: no event
        }
        if (!store.update(next, stored.version(), changed(next))) {
            throw UseCaseFailure.conflict("unit.concurrent-change", "单位信息已被他人修改，请刷新后重试");
        }
        afterWrite.run();
        return next;
    }

    private YearMonth monthOrThis(YearMonth month) {
        return month != null ? month : YearMonth.from(BeijingTime.of(clock.instant()));
    }

    private static Unit refusedAsFailure(java.util.function.Supplier<Unit> change) {
        try {
            return change.get();
        } catch (Unit.MembershipRefused e) {
            throw UseCaseFailure.invalid("unit.membership", e.getMessage()).withField(e.field(), e.getMessage());
        }
    }

    /** First start: loads the 2022 directory when the collection is empty. @return how many units were added */
    public int seedIfEmpty(InputStream csv) {
        if (store.count() > 0) {
            return 0;
        }
        int added = 0;
        for (Unit unit : parseSeed(csv)) {
            // a second replica starting at the same moment may insert first: that is fine
            if (store.insert(unit, changed(unit))) {
                added++;
            }
        }
        afterWrite.run();
        return added;
    }

    /**
     * Puts every unit's current state on the compacted topic again. Harmless (the latest record per key wins) and
     * it makes sure a consumer that starts from the beginning finds the whole directory even if the topic was
     * recreated or emptied.
     */
    public int republishAll() {
        List<Unit> units = store.findAll();
        for (Unit unit : units) {
            store.publishAgain(unit.id(), changed(unit));
        }
        afterWrite.run();
        return units.size();
    }

    private EventEnvelope<UnitChanged> changed(Unit unit) {
        var now = clock.instant();
        return EventEnvelope.wrap(new UnitChanged(unit.id(), unit.name(), unit.group(), unit.active(), now,
                unit.memberships().stream().map(m -> new UnitChanged.Membership(m.group(), m.from().toString(),
                        m.until() == null ? null : m.until().toString())).toList()),
                PRODUCER, now);
    }

    private static void requireValid(List<Unit.UnitViolation> violations) {
        if (!violations.isEmpty()) {
            UseCaseFailure failure = UseCaseFailure.invalid("unit.invalid", violations.get(0).message());
            violations.forEach(v -> failure.withField(v.field(), v.message()));
            throw failure;
        }
    }

    static List<Unit> parseSeed(InputStream csv) {
        List<Unit> units = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8), format)) {
            if (!parser.getHeaderNames().equals(List.of("unit_id", "name", "group"))) {
                throw new IllegalStateException("seed file must start with unit_id,name,group");
            }
            for (CSVRecord row : parser) {
                units.add(Unit.memberSinceFirstMonth(row.get("unit_id"), row.get("name"),
                        Integer.parseInt(row.get("group"))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the unit seed", e);
        }
        return units;
    }
}
