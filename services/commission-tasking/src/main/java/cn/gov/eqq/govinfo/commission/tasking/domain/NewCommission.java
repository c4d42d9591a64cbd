package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.LocalDateTime;
import java.util.List;

/** The room's command to issue a commission; the deadline is a Beijing date-time to the minute. */
public record NewCommission(String title, String requirements, List<String> targetUnitIds,
                            LocalDateTime deadlineBeijing) {
}
