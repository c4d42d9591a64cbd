package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpRequest;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the record endpoints. */
final class RecordRequests {

    private RecordRequests() {
    }

    /** What a record says. {@code kind}: a wire name such as CITY_BULLETIN_ADOPTED or its Chinese label. */
    record RecordBody(
            @NotBlank(message = "请选择采用或批示类型") String kind,
            @Size(max = 100, message = "刊物名称不能超过100个字") String publication,
            @Size(max = 50, message = "期号不能超过50个字") String issueNo,
            @NotNull(message = "请填写采用或批示日期") LocalDate effectiveDate,
            @Size(max = 50, message = "批示领导不能超过50个字") String leader,
            @Size(max = 4000, message = "批示内容或备注不能超过4000个字") String text,
            @Valid FollowUpBody followUp) {

        RecordContent toContent() {
            AdoptionKind parsed = AdoptionKind.parse(kind).orElseThrow(() -> ApiProblem
                    .badRequest("record.unknown-kind", "无法识别的采用或批示类型：" + kind)
                    .withField("kind", "可选：" + String.join("、", java.util.Arrays.stream(AdoptionKind.values())
                            .map(Enum::name).toList())));
            FollowUpRequest follow = followUp == null ? null
                    : new FollowUpRequest(followUp.action(), followUp.dueDate());
            return new RecordContent(parsed, publication, issueNo, effectiveDate, leader, text, follow);
        }
    }

    /** For instructions: the action asked of the unit and its due date (Beijing date). */
    record FollowUpBody(@Size(max = 2000, message = "落实事项不能超过2000个字") String action, LocalDate dueDate) {
    }

    record CorrectionBody(@NotNull(message = "请填写更正后的记录") @Valid RecordBody record,
                          @NotBlank(message = "请填写更正原因") @Size(max = 500, message = "原因不能超过500个字")
                          String reason) {
    }

    record WithdrawalBody(@NotBlank(message = "请填写撤销原因") @Size(max = 500, message = "原因不能超过500个字")
                          String reason) {
    }

    record CombinedBody(@NotEmpty(message = "请列出综合采用的来源信息") @Size(max = 50, message = "来源信息不能超过50条")
                        List<String> sourceItemIds,
                        @NotNull(message = "请填写采用记录") @Valid RecordBody record) {
    }

    record FollowUpReportBody(@NotBlank(message = "请填写落实情况") @Size(max = 4000, message = "落实情况不能超过4000个字")
                              String whatWasDone,
                              @NotNull(message = "请填写落实日期") LocalDate doneOn) {
    }
}
