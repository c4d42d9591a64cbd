package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.AuditView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.CorrectionInput;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ItemInput;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ItemView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.OnBehalfInput;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.Opinion;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.PageView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.Reason;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ReceiveInput;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.RevisionView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.SimilarityWarning;
import cn.gov.eqq.govinfo.intake.item.application.CorrectingItems;
import cn.gov.eqq.govinfo.intake.item.application.EnteringOnBehalf;
import cn.gov.eqq.govinfo.intake.item.application.HandlingItems;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.RevisionComparison;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Items of information: the unit drafts and submits, its leader signs off major events, the room works its inbox.
 * Who may act on which item is decided in the domain ({@code ItemPermissions}); the role checks here only turn
 * away the obviously wrong role early.
 */
@RestController
@RequestMapping("/api/intake/items")
class ItemController {

    private static final int MAX_PAGE_SIZE = 100;

    private final HandlingItems items;
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final KeepingUnits units;
    private final CorrectingItems corrections;

    private final EnteringOnBehalf onBehalf;

    ItemController(HandlingItems items, KeepingUnits units, CorrectingItems corrections, EnteringOnBehalf onBehalf) {
        this.items = items;
        this.onBehalf = onBehalf;
        this.units = units;
        this.corrections = corrections;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('reporter')")
    ItemView create(CurrentUser user, @RequestBody ItemInput body) {
        user.requireUnit();
        return ItemView.of(items.createDraft(Actors.of(user), body.toContent(List.of())));
    }

    @Operation(operationId = "enterItemOnBehalf", summary = "信息室代录：为报送单位录入其以电子邮件报送的信息",
            description = "请求体 {unitId, sentAt, title, body, category, topics, eventDate, reporterName, contactPhone, "
                    + "polarity, majorEvent, majorEmergency, countermeasures}。信息属于该单位（积分计入该单位），"
                    + "以 sentAt（单位发送邮件的时间，省略时为现在；不能晚于现在，不能早于上月1日）为报送时间进入信息室待处理，"
                    + "之后与单位自行报送的信息一样接收、退回、作废、转报；enteredOnBehalf {by, byName, at} 标明代录人和代录时间。"
                    + "只有信息室可以代录（其他角色 403）；单位不存在或已退出 400 item.unknown-unit / item.unit-inactive，"
                    + "时间不符 400 item.sent-at-in-future / item.sent-at-too-early，内容不全 400 validation-failed，"
                    + "均附 errors[] 字段错误。支持 Idempotency-Key。")
    @ApiResponse(responseCode = "201", description = "已代录，信息处于已报送、待处理状态")
    @PostMapping("/on-behalf")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('info-room')")
    ItemView enterOnBehalf(CurrentUser user, @RequestBody OnBehalfInput body, HttpServletRequest request) {
        return ItemView.of(onBehalf.enter(Actors.of(user), new EnteringOnBehalf.EnterOnBehalf(body.unitId(),
                body.sentAt(), body.toContent(), Actors.origin(request))));
    }

    @PutMapping("/{itemId}")
    @PreAuthorize("hasRole('reporter')")
    ItemView update(CurrentUser user, @PathVariable String itemId, @RequestBody ItemInput body) {
        return ItemView.of(items.updateDraft(Actors.of(user), itemId, body.toContent(List.of())));
    }

    @PostMapping("/{itemId}/submit")
    @PreAuthorize("hasRole('reporter')")
    ItemView submit(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        return ItemView.of(items.submit(Actors.of(user), itemId, Actors.origin(request)));
    }

    @GetMapping("/sign-off-queue")
    @PreAuthorize("hasRole('unit-leader')")
    PageView signOffQueue(CurrentUser user, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        return ContactPhones.shown(user, PageView.of(items.signOffQueue(Actors.of(user), checkPage(page),
                checkSize(size))), request);
    }

    @Operation(summary = "单位领导签批重大事件信息（可附签批意见）",
            description = "请求体 {opinion} 可省略；签批意见随该稿的签批保存，报送单位和信息室在信息页可见。"
                    + "不在待签批状态时 409 item.not-awaiting-sign-off。")
    @PostMapping("/{itemId}/sign-off")
    @PreAuthorize("hasRole('unit-leader')")
    ItemView signOff(CurrentUser user, @PathVariable String itemId, @RequestBody(required = false) Opinion body,
                     HttpServletRequest request) {
        return ItemView.of(items.signOff(Actors.of(user), new HandlingItems.SignOff(itemId,
                body == null ? null : body.opinion(), Actors.origin(request))));
    }

    @Operation(operationId = "withdrawItem", summary = "撤回已报送、尚未处理的信息",
            description = "本单位报送人撤回信息室尚未接收、退回或作废的信息，或单位领导尚未签批的重大事件信息，"
                    + "信息回到草稿；撤回的稿次留在修改与处理记录中（已撤回）。已被处理时 409 item.not-withdrawable；"
                    + "与信息室的接收同时发生时只有一方成功，另一方 409 item.concurrent-change。")
    @PostMapping("/{itemId}/withdraw")
    @PreAuthorize("hasRole('reporter')")
    ItemView withdraw(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        return ItemView.of(items.withdraw(Actors.of(user), itemId, Actors.origin(request)));
    }

    @Operation(operationId = "deleteDraft", summary = "删除从未报送过的草稿",
            description = "本单位报送人删除从未报送（也未送领导签批）的草稿，删除后不再出现在任何列表中，"
                    + "操作记录保留。报送过的信息是正式记录，不能删除：409 item.not-deletable。")
    @ApiResponse(responseCode = "204", description = "已删除")
    @DeleteMapping("/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('reporter')")
    void deleteDraft(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        items.deleteDraft(Actors.of(user), itemId, Actors.origin(request));
    }

    @PostMapping("/{itemId}/send-back")
    @PreAuthorize("hasRole('unit-leader')")
    ItemView sendBack(CurrentUser user, @PathVariable String itemId, @RequestBody Opinion body,
                      HttpServletRequest request) {
        return ItemView.of(items.sendBack(Actors.of(user),
                new HandlingItems.SendBack(itemId, body.opinion(), Actors.origin(request))));
    }

    @PostMapping("/{itemId}/receive")
    @PreAuthorize("hasRole('info-room')")
    ItemView receive(CurrentUser user, @PathVariable String itemId,
                     @RequestBody(required = false) ReceiveInput body, HttpServletRequest request) {
        if (body != null && body.correction() != null) {
            // received and corrected in one write: the item counts as corrected from the start
            return ItemView.of(corrections.receive(Actors.of(user),
                    new CorrectingItems.CorrectItem(itemId, body.correction().toRequest(), Actors.origin(request))));
        }
        return ItemView.of(items.receive(Actors.of(user), itemId, Actors.origin(request)));
    }

    /**
     * The room corrects the category, the 重大事件 / 重大紧急 flags or the topics of a received item, with a reason,
     * until a published circular covers its quarter or year. Omitted fields stay as they are.
     */
    @PostMapping("/{itemId}/correct")
    @PreAuthorize("hasRole('info-room')")
    ItemView correct(CurrentUser user, @PathVariable String itemId, @RequestBody CorrectionInput body,
                     HttpServletRequest request) {
        return ItemView.of(corrections.correct(Actors.of(user),
                new CorrectingItems.CorrectItem(itemId, body.toRequest(), Actors.origin(request))));
    }

    @PostMapping("/{itemId}/return")
    @PreAuthorize("hasRole('info-room')")
    ItemView returnForRevision(CurrentUser user, @PathVariable String itemId, @RequestBody Opinion body,
                               HttpServletRequest request) {
        return ItemView.of(items.returnForRevision(Actors.of(user),
                new HandlingItems.ReturnForRevision(itemId, body.opinion(), Actors.origin(request))));
    }

    @PostMapping("/{itemId}/void")
    @PreAuthorize("hasRole('info-room')")
    ItemView voidItem(CurrentUser user, @PathVariable String itemId, @RequestBody Reason body,
                      HttpServletRequest request) {
        return ItemView.of(items.voidItem(Actors.of(user),
                new HandlingItems.VoidItem(itemId, body.reason(), Actors.origin(request))));
    }

    @PostMapping("/{itemId}/forward")
    @PreAuthorize("hasRole('info-room')")
    ItemView forward(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        return ItemView.of(items.forwardToCity(Actors.of(user), itemId, Actors.origin(request)));
    }

    @GetMapping("/{itemId}")
    ItemView get(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        return ContactPhones.shown(user, ItemView.of(items.getWithSimilar(Actors.of(user), itemId)), request);
    }

    /**
     * The item as a Word document (政务信息 layout) for the room to forward or file and the unit to keep; read with the
     * same permission as the item, the contact number shown as the reader sees it on the page.
     */
    @GetMapping("/{itemId}/document.docx")
    ResponseEntity<byte[]> document(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        ItemView item = ContactPhones.shown(user, ItemView.of(items.get(Actors.of(user), itemId)), request);
        String unitName = units.find(item.unitId()).map(Unit::name).orElse(item.unitId());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ItemDocument.fileName(item), StandardCharsets.UTF_8).build().toString())
                .body(ItemDocument.render(item, unitName));
    }

    /** Asked by the item page before 报送: another unit's similar item shows its unit, title and similarity only. */
    @GetMapping("/{itemId}/similar")
    SimilarityWarning similar(CurrentUser user, @PathVariable String itemId) {
        return SimilarityWarning.of(items.similarBeforeSubmitting(Actors.of(user), itemId));
    }

    @GetMapping("/{itemId}/revisions")
    List<RevisionView> revisions(CurrentUser user, @PathVariable String itemId, HttpServletRequest request) {
        return ContactPhones.shown(user, items.revisions(Actors.of(user), itemId).stream().map(RevisionView::of)
                .toList(), request);
    }

    @GetMapping("/{itemId}/revisions/compare")
    List<RevisionComparison.FieldChange> compare(CurrentUser user, @PathVariable String itemId,
                                                 @RequestParam int from, @RequestParam int to,
                                                 HttpServletRequest request) {
        return ContactPhones.shownChanges(user, items.compare(Actors.of(user),
                new HandlingItems.CompareRevisions(itemId, from, to)), request);
    }

    @GetMapping("/{itemId}/audit")
    List<AuditView> audit(CurrentUser user, @PathVariable String itemId) {
        return items.audit(Actors.of(user), itemId).stream().map(AuditView::of).toList();
    }

    /**
     * The inbox (room, leaders: all units) or the unit's own list (reporters, unit leaders). Filters combine;
     * {@code period} is a Beijing month/quarter/year of the latest submission.
     */
    @GetMapping
    PageView search(CurrentUser user,
                    @RequestParam(required = false) String unitId,
                    @RequestParam(required = false) Integer group,
                    @RequestParam(required = false) Category category,
                    @RequestParam(required = false) FocusTopic topic,
                    @RequestParam(required = false) List<ItemStatus> status,
                    @RequestParam(required = false) String period,
                    @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "submittedAt") String sort,
                    @RequestParam(defaultValue = "desc") String order,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size,
                    HttpServletRequest request) {
        Set<String> unitIds = null;
        if (unitId != null && !unitId.isBlank()) {
            unitIds = new HashSet<>(Set.of(unitId.strip()));
        }
        if (group != null) {
            Set<String> inGroup = new HashSet<>(units.idsInGroup(group));
            if (unitIds == null) {
                unitIds = inGroup;
            } else {
                unitIds.retainAll(inGroup);
            }
        }
        ReportingPeriod range = null;
        if (period != null && !period.isBlank()) {
            range = ReportingPeriod.tryParse(period).orElseThrow(() -> ApiProblem
                    .badRequest("period.invalid", "期间格式应为 2026-07（月）、2026-Q3（季度）或 2026（年）")
                    .withField("period", "期间格式不正确"));
        }
        ItemStore.SortField sortField = switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "submittedat" -> ItemStore.SortField.SUBMITTED_AT;
            case "createdat" -> ItemStore.SortField.CREATED_AT;
            case "updatedat" -> ItemStore.SortField.UPDATED_AT;
            case "title" -> ItemStore.SortField.TITLE;
            case "unit", "unitid" -> ItemStore.SortField.UNIT;
            default -> throw ApiProblem.badRequest("sort.invalid",
                    "排序字段只能是 submittedAt、createdAt、updatedAt、title 或 unitId").withField("sort", "排序字段不支持");
        };
        boolean ascending = switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ApiProblem.badRequest("order.invalid", "排序方向只能是 asc 或 desc")
                    .withField("order", "排序方向不支持");
        };
        Set<ItemStatus> statuses = status == null || status.isEmpty() ? null : EnumSet.copyOf(status);
        ItemStore.Search query = new ItemStore.Search(unitIds, statuses, category, topic,
                range == null ? null : range.startInstant(), range == null ? null : range.endInstant(), q, sortField, ascending,
                checkPage(page), checkSize(size));
        return ContactPhones.shown(user, PageView.of(items.search(Actors.of(user), query)), request);
    }

    private static int checkPage(int page) {
        if (page < 0) {
            throw ApiProblem.badRequest("page.invalid", "页码不能小于 0").withField("page", "页码不能小于 0");
        }
        return page;
    }

    private static int checkSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("size.invalid", "每页条数应在 1 至 " + MAX_PAGE_SIZE + " 之间")
                    .withField("size", "每页条数超出范围");
        }
        return size;
    }
}
