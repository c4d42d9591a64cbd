package cn.gov.eqq.govinfo.intake.unit.adapter.in.web;

import cn.gov.eqq.govinfo.intake.unit.application.UnitService;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
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

import java.util.List;

/** The unit directory: everyone signed in reads it, the administrator keeps it. */
@RestController
@RequestMapping("/api/intake/units")
class UnitController {

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    record UnitView(String unitId, String name, int group, boolean active) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.group(), u.active());
        }
    }

    record NewUnit(String unitId, String name, Integer group) {
    }

    /** Only what the administrator may change; absent fields stay as they are. */
    record UnitChange(String name, Integer group, Boolean active) {
    }

    @GetMapping
    List<UnitView> list() {
        return units.all().stream().map(UnitView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    UnitView create(@RequestBody NewUnit body) {
        return UnitView.of(units.create(body.unitId(), body.name(), body.group()));
    }

    @PutMapping("/{unitId}")
    @PreAuthorize("hasRole('admin')")
    UnitView change(@PathVariable String unitId, @RequestBody UnitChange body) {
        return UnitView.of(units.change(unitId, body.name(), body.group(), body.active()));
    }
}
