package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;
import java.util.List;

/** The room issued a commission to named units with a deadline (an instant; shown in Beijing time). */
public record CommissionIssued(String commissionId, String title, String requirements, List<String> targetUnitIds,
                               Instant deadline, String issuedBy, Instant issuedAt) implements CommissionEvent {

    public CommissionIssued {
        targetUnitIds = targetUnitIds == null ? List.of() : List.copyOf(targetUnitIds);
    }
}
