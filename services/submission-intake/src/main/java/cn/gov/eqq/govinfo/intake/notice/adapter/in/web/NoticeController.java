package cn.gov.eqq.govinfo.intake.notice.adapter.in.web;

import cn.gov.eqq.govinfo.intake.notice.application.InformingUnits;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** 站内提醒 of a unit's reporter and leader: what happened to the unit's items, and the person's read mark. */
@RestController
@RequestMapping("/api/intake/notices")
class NoticeController {

    static final int MAX_LIMIT = 200;

    private final InformingUnits notices;

    NoticeController(InformingUnits notices) {
        this.notices = notices;
    }

    /**
     * @param kind      e.g. RETURNED; {@code kindLabel} is its Chinese name (退回修改)
     * @param text      the Chinese sentence, e.g. 信息室退回了《…》，请修改后重新报送
     * @param detail    the opinion or reason given, if any
     */
    record NoticeView(String key, String kind, String kindLabel, String itemId, String title, Instant at,
                      String byName, String text, String detail, boolean read) {
    }

    record NoticesView(List<NoticeView> notices, long unread, Instant readUpTo) {
    }

    /** @param upTo everything at or before it is read; now when absent */
    record MarkRead(Instant upTo) {
    }

    record ReadMarkView(Instant readUpTo) {
    }

    @Operation(operationId = "unitNotices", summary = "站内提醒：本单位信息的退回、签批退回、作废、接收、转报、更正，领导的待签批")
    @GetMapping
    NoticesView list(CurrentUser user, @RequestParam(required = false) String since,
                     @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("notices.limit", "每次最多读取 " + MAX_LIMIT + " 条提醒")
                    .withField("limit", "应为 1 到 " + MAX_LIMIT);
        }
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("notices.since", "起始时间格式应为 2026-07-01T00:00:00Z")
                        .withField("since", "时间格式不正确");
            }
        }
        InformingUnits.Notices found = notices.noticesFor(Actors.of(user), from, limit);
        return new NoticesView(found.notices().stream().map(r -> new NoticeView(r.notice().key(),
                r.notice().kind().name(), r.notice().kind().label(), r.notice().itemId(), r.notice().title(),
                r.notice().at(), r.notice().byName(), r.notice().text(), r.notice().detail(), r.read())).toList(),
                found.unread(), found.readUpTo());
    }

    @Operation(operationId = "markNoticesRead", summary = "将某一时刻及以前的站内提醒标为已读（按登录名保存）")
    @PostMapping("/read")
    ReadMarkView markRead(CurrentUser user, @RequestBody(required = false) MarkRead body) {
        return new ReadMarkView(notices.markRead(Actors.of(user), body == null ? null : body.upTo()));
    }
}
