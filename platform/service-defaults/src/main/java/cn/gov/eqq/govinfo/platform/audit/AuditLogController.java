package cn.gov.eqq.govinfo.platform.audit;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * {@code GET /api/<service>/audit?from&to&actor&page&size}: the service's audit log, newest first, and
 * {@code GET /api/<service>/audit/verification}: the check of its hash chain. For the auditor (安全审计员) only: the
 * people whose actions the log records — the information room, the system and security administrators — do not
 * read or judge their own record (三员分立, docs/audit.md, ADR 0009). {@code from}/{@code to} are dates (Beijing time, {@code to} inclusive) or ISO-8601
 * instants ({@code to} exclusive).
 */
@RestController
class AuditLogController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final AuditLog auditLog;
    private final int maxPageSize;

    AuditLogController(AuditLog auditLog, AuditProperties properties) {
        this.auditLog = auditLog;
        this.maxPageSize = properties.maxPageSize();
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
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.badRequest("audit.range-invalid", "开始时间必须早于结束时间")
                    .withField("from", "开始时间必须早于结束时间");
        }
        if (page < 0) {
            throw ApiProblem.badRequest("audit.page-invalid", "页码不能为负数").withField("page", "页码不能为负数");
        }
        if (size < 1 || size > maxPageSize) {
            throw ApiProblem.badRequest("audit.size-invalid", "每页条数应在 1 到 " + maxPageSize + " 之间")
                    .withField("size", "每页条数应在 1 到 " + maxPageSize + " 之间");
        }
        if (actor != null && actor.length() > 200) {
            throw ApiProblem.badRequest("audit.actor-invalid", "操作人过长").withField("actor", "操作人过长");
        }
        return auditLog.search(new AuditLog.Query(start, end, actor == null || actor.isBlank() ? null : actor.strip(),
                page, size));
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
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(BEIJING).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            String message = "时间格式应为 2026-07-01 或 2026-07-01T08:00:00+08:00";
            throw ApiProblem.badRequest("audit.time-invalid", message).withField(name, message);
        }
    }
}
