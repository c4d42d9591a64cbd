package cn.gov.eqq.govinfo.reporting.circular.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi.CircularDocxRenderer;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi.CircularXlsxRenderer;
import cn.gov.eqq.govinfo.reporting.circular.application.IssuingCirculars;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.circular.domain.Objection.Resolution;
import cn.gov.eqq.govinfo.reporting.circular.domain.UnitFigures;
import cn.gov.eqq.govinfo.reporting.shared.adapter.in.web.Params;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Quarterly circulars and annual evaluations. The information room drafts, opens the review, answers objections,
 * publishes and corrects; units read their own figures during review and object; published circulars are read by
 * everyone. Drafts are not shown to units or to the dashboard.
 */
@RestController
@RequestMapping("/api/reporting/circulars")
class CircularController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final IssuingCirculars circulars;
    private final Clock clock;
    private final CircularDocxRenderer docx = new CircularDocxRenderer();
    private final CircularXlsxRenderer xlsx = new CircularXlsxRenderer();

    CircularController(IssuingCirculars circulars, Clock clock) {
        this.circulars = circulars;
        this.clock = clock;
    }

    record NewCircular(@NotNull(message = "请选择通报类型（QUARTERLY 季度通报 / ANNUAL 年度考评）") CircularKind kind,
                       @NotBlank(message = "请填写期间，如 2026-Q3 或 2026") String period) {
    }

    record OpenReview(Instant closesAt) {
    }

    record NewObjection(@NotBlank(message = "请写明复核理由") @Size(max = 2000, message = "复核理由不超过2000字") String reason) {
    }

    record ObjectionAnswer(@NotNull(message = "请选择复核结果（UPHELD 复核属实 / DISMISSED 维持原结果）") Resolution resolution,
                           @NotBlank(message = "请填写复核答复意见") @Size(max = 2000, message = "答复意见不超过2000字") String reply) {
    }

    record Correction(@NotBlank(message = "请写明更正原因") @Size(max = 2000, message = "更正原因不超过2000字") String reason) {
    }

    /** The list shows no figures: a summary per version. */
    record CircularSummary(String id, String seriesId, String kind, String period, int version, String title,
                           String documentNumber, String status, Instant reviewClosesAt, Instant publishedAt,
                           long openObjections, Instant updatedAt) {
        static CircularSummary of(Circular c) {
            return new CircularSummary(c.id(), c.seriesId(), c.kind().name(), c.period(), c.version(), c.title(),
                    c.documentNumber(), c.status().name(), c.reviewClosesAt(), c.publishedAt(), c.openObjections(),
                    c.updatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('info-room')")
    Circular draft(CurrentUser user, @Valid @RequestBody NewCircular body) {
        return circulars.draft(body.kind(), Params.period(body.period()), user.actor());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('info-room','admin','viewer','dashboard','reporter','unit-leader')")
    List<CircularSummary> list(CurrentUser user, @RequestParam(required = false) String period,
                               @RequestParam(required = false) CircularKind kind) {
        String p = period == null ? null : Params.period(period).code();
        return circulars.list(p, kind).stream().filter(c -> mayReadWhole(user, c)).map(CircularSummary::of).toList();
    }

    /**
     * One version as the page shows it: the circular, and when its period lets it be published, with the refusal's
     * words while it does not — the page says so before anyone clicks, and the rule stays here.
     */
    record CircularDetail(@JsonUnwrapped Circular circular, Instant publishableFrom, String periodNotEnded) {
        static CircularDetail of(Circular c, Instant now) {
            return new CircularDetail(c, c.publishableFrom(), c.periodNotEnded(now).orElse(null));
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('info-room','admin','viewer','dashboard','reporter','unit-leader')")
    CircularDetail one(CurrentUser user, @PathVariable String id) {
        return CircularDetail.of(readable(user, id), clock.instant());
    }

    @GetMapping("/{id}/document.docx")
    @PreAuthorize("hasAnyRole('info-room','admin','viewer','dashboard','reporter','unit-leader')")
    ResponseEntity<byte[]> word(CurrentUser user, @PathVariable String id) {
        Circular c = readable(user, id);
        return file(docx.render(c, clock.instant()), DOCX, c, "docx");
    }

    @GetMapping("/{id}/document.xlsx")
    @PreAuthorize("hasAnyRole('info-room','admin','viewer','dashboard','reporter','unit-leader')")
    ResponseEntity<byte[]> excel(CurrentUser user, @PathVariable String id) {
        Circular c = readable(user, id);
        return file(xlsx.render(c), XLSX, c, "xlsx");
    }

    @PostMapping("/{id}/refresh")
    @PreAuthorize("hasRole('info-room')")
    Circular refresh(@PathVariable String id) {
        return circulars.refresh(id);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('info-room')")
    Circular openReview(@PathVariable String id, @RequestBody(required = false) OpenReview body) {
        return circulars.openReview(id, body == null ? null : body.closesAt());
    }

    @GetMapping("/{id}/my-figures")
    @PreAuthorize("hasAnyRole('reporter','unit-leader')")
    UnitFigures myFigures(CurrentUser user, @PathVariable String id) {
        return circulars.unitFigures(id, user.requireUnit());
    }

    @PostMapping("/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('reporter','unit-leader')")
    UnitFigures object(CurrentUser user, @PathVariable String id, @Valid @RequestBody NewObjection body) {
        String unit = user.requireUnit();
        Circular c = circulars.raiseObjection(
                new IssuingCirculars.RaiseObjection(id, unit, user.actor(), body.reason()));
        return UnitFigures.of(c, unit);
    }

    @PostMapping("/{id}/objections/{objectionId}/resolution")
    @PreAuthorize("hasRole('info-room')")
    Circular resolve(CurrentUser user, @PathVariable String id, @PathVariable String objectionId,
                     @Valid @RequestBody ObjectionAnswer body) {
        return circulars.resolveObjection(
                new IssuingCirculars.ResolveObjection(id, objectionId, body.resolution(), body.reply(), user.actor()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('info-room')")
    Circular publish(CurrentUser user, @PathVariable String id) {
        return circulars.publish(id, user.actor());
    }

    @PostMapping("/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('info-room')")
    Circular correct(CurrentUser user, @PathVariable String id, @Valid @RequestBody Correction body) {
        return circulars.correct(id, body.reason(), user.actor());
    }

    private Circular readable(CurrentUser user, String id) {
        Circular c = circulars.get(id);
        if (!mayReadWhole(user, c)) {
            if (user.hasRole(Roles.DASHBOARD)) {
                throw ApiProblem.notFound("未找到已发布的通报：" + id);
            }
            throw ApiProblem.forbidden("通报尚未发布；复核期内请查看本单位数据（/my-figures）");
        }
        return c;
    }

    /** The room, administrators and leaders see drafts; units and the dashboard only what was published. */
    private static boolean mayReadWhole(CurrentUser user, Circular c) {
        return c.frozen() || user.hasAnyRole(Roles.INFO_ROOM, Roles.ADMIN, Roles.VIEWER);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, Circular c, String ext) {
        String name = (c.documentNumber() != null ? c.documentNumber() : c.id()) + " " + c.title() + "." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
