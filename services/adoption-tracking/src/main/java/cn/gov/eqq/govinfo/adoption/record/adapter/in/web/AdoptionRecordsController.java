package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.adapter.in.web.RecordRequests.CombinedBody;
import cn.gov.eqq.govinfo.adoption.record.adapter.in.web.RecordRequests.CorrectionBody;
import cn.gov.eqq.govinfo.adoption.record.adapter.in.web.RecordRequests.FollowUpReportBody;
import cn.gov.eqq.govinfo.adoption.record.adapter.in.web.RecordRequests.RecordBody;
import cn.gov.eqq.govinfo.adoption.record.adapter.in.web.RecordRequests.WithdrawalBody;
import cn.gov.eqq.govinfo.adoption.record.application.CorrectCombined;
import cn.gov.eqq.govinfo.adoption.record.application.CorrectRecord;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemNotKnown;
import cn.gov.eqq.govinfo.adoption.record.application.ItemScores;
import cn.gov.eqq.govinfo.adoption.record.application.RecordingAdoptions;
import cn.gov.eqq.govinfo.adoption.record.application.ReportFollowUp;
import cn.gov.eqq.govinfo.adoption.record.application.WithdrawRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adoption and instruction records. Only the information room records, corrects, withdraws; a unit sees the
 * records of its own items and reports on the follow-up of instructions on them.
 */
@RestController
@RequestMapping("/api/adoption")
class AdoptionRecordsController {

    private static final int ROOM_LIST_LIMIT = 500;

    private final RecordingAdoptions recording;
    private final ItemAdoptionsStore items;
    private final UnitDirectory units;
    private final ItemScores scores;
    private final Clock clock;

    AdoptionRecordsController(RecordingAdoptions recording, ItemAdoptionsStore items, UnitDirectory units,
                              ItemScores scores, Clock clock) {
        this.recording = recording;
        this.items = items;
        this.units = units;
        this.scores = scores;
        this.clock = clock;
    }

    /** A combined adoption: its sources in the listed order, {@code position} 0 being the lead item. */
    record CombinedView(String combinedRecordId, String kind, LocalDate effectiveDate, List<SourceView> sources) {
        record SourceView(String itemId, String recordId, int position) {
        }
    }

    record OverdueFollowUp(String itemId, String title, String unitId, String unitName, String recordId,
                           String kind, String kindLabel, String leader, LocalDate instructionDate, String action,
                           LocalDate dueDate, long daysOverdue) {
    }

    @GetMapping("/items/{itemId}")
    ItemAdoptionsView item(CurrentUser user, @PathVariable String itemId) {
        ItemAdoptions item = items.load(itemId).orElseThrow(() -> new ItemNotKnown(itemId)).item();
        requireMayRead(user, item);
        return view(item);
    }

    /** The room and readers: items with records (optionally of one unit); a unit: its own items with records. */
    @GetMapping("/items")
    List<ItemAdoptionsView> items(CurrentUser user, @RequestParam(required = false) String unitId) {
        List<ItemAdoptions> found;
        if (readsAll(user)) {
            found = unitId == null || unitId.isBlank() ? items.withRecords(ROOM_LIST_LIMIT)
                    : items.withRecordsOfUnit(unitId);
        } else if (user.hasAnyRole(Roles.REPORTER, Roles.UNIT_LEADER)) {
            String own = user.requireUnit();
            if (unitId != null && !unitId.isBlank() && !unitId.equals(own)) {
                throw ApiProblem.forbidden("只能查看本单位信息的采用和批示情况");
            }
            found = items.withRecordsOfUnit(own);
        } else {
            throw ApiProblem.forbidden("您的角色无权查看采用和批示情况");
        }
        Map<String, ItemScore> scored = scores.findAll(found.stream().map(ItemAdoptions::itemId).toList());
        return found.stream().map(item -> view(item, Optional.ofNullable(scored.get(item.itemId())))).toList();
    }

    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/items/{itemId}/records")
    @ResponseStatus(HttpStatus.CREATED)
    ItemAdoptionsView record(CurrentUser user, @PathVariable String itemId, @Valid @RequestBody RecordBody body) {
        return view(recording.record(itemId, body.toContent(), user.actor()));
    }

    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/items/{itemId}/records/{recordId}/corrections")
    ItemAdoptionsView correct(CurrentUser user, @PathVariable String itemId, @PathVariable String recordId,
                              @Valid @RequestBody CorrectionBody body) {
        return view(recording.correct(new CorrectRecord(itemId, recordId, body.record().toContent(), body.reason(),
                user.actor())));
    }

    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/items/{itemId}/records/{recordId}/withdrawal")
    ItemAdoptionsView withdraw(CurrentUser user, @PathVariable String itemId, @PathVariable String recordId,
                               @Valid @RequestBody WithdrawalBody body) {
        return view(recording.withdraw(new WithdrawRecord(itemId, recordId, body.reason(), user.actor())));
    }

    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/combined")
    @ResponseStatus(HttpStatus.CREATED)
    CombinedView combined(CurrentUser user, @Valid @RequestBody CombinedBody body) {
        return combinedView(recording.recordCombined(body.record().toContent(), body.sourceItemIds(), user.actor()));
    }

    private static CombinedView combinedView(CombinedAdoption c) {
        return new CombinedView(c.combinedRecordId(), c.content().kind().name(), c.content().effectiveDate(),
                c.sources().stream().map(s -> new CombinedView.SourceView(s.itemId(), s.recordId(), c.positionOf(s)))
                        .toList());
    }

    /** Corrects every source item's record of a combined adoption (kind cannot change). */
    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/combined/{combinedRecordId}/corrections")
    CombinedView correctCombined(CurrentUser user, @PathVariable String combinedRecordId,
                                 @Valid @RequestBody CorrectionBody body) {
        var content = body.record().toContent();
        CombinedAdoption c = recording.correctCombined(new CorrectCombined(combinedRecordId, content, body.reason(),
                user.actor()));
        return new CombinedView(c.combinedRecordId(), content.kind().name(), content.effectiveDate(),
                combinedView(c).sources());
    }

    @PreAuthorize("hasRole('info-room')")
    @PostMapping("/combined/{combinedRecordId}/withdrawal")
    CombinedView withdrawCombined(CurrentUser user, @PathVariable String combinedRecordId,
                                  @Valid @RequestBody WithdrawalBody body) {
        return combinedView(recording.withdrawCombined(combinedRecordId, body.reason(), user.actor()));
    }

    /** The item's own unit says what it did about an instruction. */
    @PreAuthorize("hasAnyRole('reporter', 'unit-leader')")
    @PostMapping("/items/{itemId}/records/{recordId}/follow-up-reports")
    @ResponseStatus(HttpStatus.CREATED)
    ItemAdoptionsView reportFollowUp(CurrentUser user, @PathVariable String itemId, @PathVariable String recordId,
                                     @Valid @RequestBody FollowUpReportBody body) {
        String unit = user.requireUnit();
        ItemAdoptions item = items.load(itemId).orElseThrow(() -> new ItemNotKnown(itemId)).item();
        if (!unit.equals(item.facts().unitId())) {
            throw new ItemNotKnown(itemId); // another unit's item answers as one that is not there
        }
        return view(recording.reportFollowUp(new ReportFollowUp(itemId, recordId, unit, body.whatWasDone(),
                body.doneOn(), user.actor())));
    }

    /** Instructions whose follow-up is past due and not reported on, oldest due first. */
    @PreAuthorize("hasAnyRole('info-room', 'viewer', 'admin')")
    @GetMapping("/follow-ups/overdue")
    List<OverdueFollowUp> overdue() {
        LocalDate today = LocalDate.now(clock);
        List<OverdueFollowUp> result = new ArrayList<>();
        for (ItemAdoptions item : items.withOpenFollowUpDueBefore(today)) {
            String unitName = item.facts().unitId() == null ? null : units.nameOf(item.facts().unitId()).orElse(null);
            for (AdoptionRecord r : item.records()) {
                if (r.followUpOverdue(today)) {
                    var ask = r.followUpRequest().orElseThrow();
                    result.add(new OverdueFollowUp(item.itemId(), item.facts().title(), item.facts().unitId(),
                            unitName, r.recordId(), r.content().kind().name(), r.content().kind().label(),
                            r.content().leader(), r.content().effectiveDate(), ask.action(), ask.dueDate(),
                            ChronoUnit.DAYS.between(ask.dueDate(), today)));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(OverdueFollowUp::dueDate).thenComparing(OverdueFollowUp::itemId));
        return result;
    }

    private static boolean readsAll(CurrentUser user) {
        return user.hasAnyRole(Roles.INFO_ROOM, Roles.VIEWER, Roles.ADMIN, Roles.DASHBOARD);
    }

    private static void requireMayRead(CurrentUser user, ItemAdoptions item) {
        if (readsAll(user)) {
            return;
        }
        if (user.hasAnyRole(Roles.REPORTER, Roles.UNIT_LEADER)) {
            if (user.requireUnit().equals(item.facts().unitId())) {
                return;
            }
            throw new ItemNotKnown(item.itemId()); // another unit's item answers as one that is not there
        }
        throw ApiProblem.forbidden("您的角色无权查看采用和批示情况");
    }

    private ItemAdoptionsView view(ItemAdoptions item) {
        return view(item, scores.find(item.itemId()));
    }

    private ItemAdoptionsView view(ItemAdoptions item, Optional<ItemScore> score) {
        String unitName = item.facts().unitId() == null ? null : units.nameOf(item.facts().unitId()).orElse(null);
        return ItemAdoptionsView.of(item, unitName, score, clock.getZone(), LocalDate.now(clock));
    }
}
