package cn.gov.eqq.govinfo.intake.unit.adapter.in.web;

import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The unit directory: everyone signed in reads it, the administrator keeps it. */
@RestController
@RequestMapping("/api/intake/units")
class UnitController {

    private final KeepingUnits units;

    UnitController(KeepingUnits units) {
        this.units = units;
    }

    /** A span of membership; months as {@code yyyy-MM}, {@code untilMonth} the first month after it (or null). */
    record MembershipView(int group, String fromMonth, String untilMonth) {
    }

    record UnitView(String unitId, String name, int group, boolean active, List<MembershipView> memberships) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.group(), u.active(), u.memberships().stream()
                    .map(m -> new MembershipView(m.group(), m.from().toString(),
                            m.until() == null ? null : m.until().toString()))
                    .toList());
        }
    }

    /** {@code fromMonth} ({@code yyyy-MM}): the month it joins its group; this month when absent. */
    record NewUnit(String unitId, String name, Integer group, String fromMonth) {
    }

    /**
     * Only what the administrator may change; absent fields stay as they are. A new group, leaving
     * ({@code active=false}) or joining again ({@code active=true}) takes effect from {@code fromMonth}
     * ({@code yyyy-MM}; this month when absent).
     */
    record UnitChange(String name, Integer group, Boolean active, String fromMonth) {
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("unit.invalid", "生效月份格式应为 2026-07，收到：" + text)
                    .withField("fromMonth", "生效月份格式应为 2026-07");
        }
    }

    @GetMapping
    List<UnitView> list() {
        return units.all().stream().map(UnitView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    UnitView create(@RequestBody NewUnit body) {
        return UnitView.of(units.create(new KeepingUnits.CreateUnit(body.unitId(), body.name(), body.group(),
                month(body.fromMonth()))));
    }

    @PutMapping("/{unitId}")
    @PreAuthorize("hasRole('admin')")
    UnitView change(@PathVariable String unitId, @RequestBody UnitChange body) {
        return UnitView.of(units.change(new KeepingUnits.ChangeUnit(unitId, body.name(), body.group(), body.active(),
                month(body.fromMonth()))));
    }
}
