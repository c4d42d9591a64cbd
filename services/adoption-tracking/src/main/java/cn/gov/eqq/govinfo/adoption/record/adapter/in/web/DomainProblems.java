package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemNotKnown;
import cn.gov.eqq.govinfo.adoption.record.application.RecordingAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordNotFound;
import cn.gov.eqq.govinfo.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The domain says no in its own words; here those become the one problem shape (RFC 9457, Chinese). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

    @ExceptionHandler(AdoptionRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(AdoptionRuleViolation e) {
        if (e.code().endsWith("not-your-item")) {
            // not yours = not there (the controllers check first and answer ItemNotKnown; this is the domain's net)
            return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", "找不到该信息（编号有误，或报送系统的消息尚未同步）",
                    null));
        }
        return respond(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), "无法处理", e.getMessage(), null));
    }

    @ExceptionHandler({RecordNotFound.class, ItemNotKnown.class, RecordingAdoptions.CombinedNotKnown.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage(), null));
    }

    @ExceptionHandler(ItemAdoptionsStore.ConcurrentChange.class)
    ResponseEntity<ProblemDetail> busy(ItemAdoptionsStore.ConcurrentChange e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "item.busy", "状态冲突", "该信息正被同时修改，请稍后重试", null));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
