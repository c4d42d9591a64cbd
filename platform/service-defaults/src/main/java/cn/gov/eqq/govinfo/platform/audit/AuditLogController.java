package cn.gov.eqq.govinfo.platform.audit;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/<service>/audit?from&to&actor&page&size}: the service's audit log, newest first;
 * {@code GET /api/<service>/audit/export?from&to&actor}: the same lines as a JSON Lines file to keep outside the
 * system (the auditor's copy, docs/audit.md); and {@code GET /api/<service>/audit/verification}: the check of its hash
 * chain. For the auditor (安全审计员) only: the
 * people whose actions the log records — the information room, the system and security administrators — do not
 * read or judge their own record (三员分立, docs/audit.md, ADR 0009). {@code from}/{@code to} are dates (Beijing time, {@code to} inclusive) or ISO-8601
 * instants ({@code to} exclusive).
 */
@RestController
class AuditLogController {

    private final AuditLog auditLog;
    private final int maxPageSize;

    /** An export larger than this is refused with a request to narrow the range, rather than held in memory. */
    static final int MAX_EXPORT_LINES = 200_000;

    private final JsonMapper json;

    AuditLogController(AuditLog auditLog, AuditProperties properties, JsonMapper json) {
        this.auditLog = auditLog;
        this.maxPageSize = properties.maxPageSize();
        this.json = json;
    }

    /**
     * Every line of the range, newest first, one JSON object per line. The range ends at the moment of the request
     * at the latest, so lines appended while the file is written do not shift the pages it is read in.
     */
    @GetMapping(value = "${govinfo.audit.path}/export", produces = "application/x-ndjson")
    @PreAuthorize("hasRole('auditor')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String actor) {
        Instant now = Instant.now();
        Instant start = parse("from", from, false);
        Instant requestedEnd = parse("to", to, true);
        Instant end = requestedEnd == null || requestedEnd.isAfter(now) ? now : requestedEnd;
        String who = checkedActor(actor);
        checkRange(start, end);
        AuditLog.Page first = auditLog.search(new AuditLog.Query(start, end, who, 0, maxPageSize));
        if (first.total() > MAX_EXPORT_LINES) {
            throw ApiProblem.badRequest("audit.export-too-large", "所选范围有 " + first.total() + " 条记录，超过单次导出上限 "
                    + MAX_EXPORT_LINES + " 条，请缩小时间范围后分次导出").withField("from", "请缩小时间范围");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditLog.Page page = first;
        for (int n = 0; !page.entries().isEmpty(); page = auditLog.search(new AuditLog.Query(start, end, who, ++n,
                maxPageSize))) {
            for (AuditRecord line : page.entries()) {
                out.writeBytes(json.writeValueAsBytes(line));
                out.write('\n');
            }
        }
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(now.atZone(BeijingTime.ZONE));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + day + ".jsonl", StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("${govinfo.audit.path}/verification")
    @PreAuthorize("hasRole('auditor')")
    AuditLog.Verification verify() {
        return auditLog.verify();
    }

    @GetMapping("${govinfo.audit.path}")
    @PreAuthorize("hasRole('auditor')")
    AuditLog.Page search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String actor,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Instant start = parse("from", from, false);
        Instant end = parse("to", to, true);
        checkRange(start, end);
        if (page < 0) {
            throw ApiProblem.badRequest("audit.page-invalid", "页码不能为负数").withField("page", "页码不能为负数");
        }
        if (size < 1 || size > maxPageSize) {
            throw ApiProblem.badRequest("audit.size-invalid", "每页条数应在 1 到 " + maxPageSize + " 之间")
                    .withField("size", "每页条数应在 1 到 " + maxPageSize + " 之间");
        }
        return auditLog.search(new AuditLog.Query(start, end, checkedActor(actor), page, size));
    }

    private static void checkRange(Instant start, Instant end) {
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.badRequest("audit.range-invalid", "开始时间必须早于结束时间")
                    .withField("from", "开始时间必须早于结束时间");
        }
    }

    private static String checkedActor(String actor) {
        if (actor != null && actor.length() > 200) {
            throw ApiProblem.badRequest("audit.actor-invalid", "操作人过长").withField("actor", "操作人过长");
        }
        return actor == null || actor.isBlank() ? null : actor.strip();
    }

    /** A date means the whole Beijing day: {@code to=2026-07-31} includes that day. */
    static Instant parse(String name, String value, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(BeijingTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            String message = "时间格式应为 2026-07-01 或 2026-07-01T08:00:00+08:00";
            throw ApiProblem.badRequest("audit.time-invalid", message).withField(name, message);
        }
    }
}
