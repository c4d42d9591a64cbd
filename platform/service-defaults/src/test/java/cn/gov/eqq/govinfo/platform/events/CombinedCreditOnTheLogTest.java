package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined-credit rule is part of a policy version, and an adoption record says which source of a combined
 * adoption it is; records published before either was carried still read.
 */
class CombinedCreditOnTheLogTest {

    private final EventCodec codec = new EventCodec();

    private Object read(String type, String payload) {
        return codec.decode("""
                {"eventId":"e-1","type":"%s","version":1,"occurredAt":"2025-03-01T01:00:00Z",
                 "producer":"p","key":"k","payload":%s}""".formatted(type, payload)).payload();
    }

    @Test
    void policyVersionWithoutCombinedCreditReadsAsFullCredit() {
        PolicyVersionAdded v = (PolicyVersionAdded) read("PolicyVersionAdded", """
                {"version":"2022-07-06","effectiveFrom":"2022-07-06","source":"65号文","categories":{},
                 "forwardPoints":2,"adoptionKinds":{},"commissionPoints":10,"monthlyQuota":{"1":8},
                 "shortfall":{},"addedBy":"system","addedAt":"2022-07-06T00:00:00Z"}""");

        assertThat(v.combinedCredit()).isNull();
        assertThat(v.combinedCreditOrDefault()).isEqualTo(PolicyVersionAdded.FULL_CREDIT);
    }

    @Test
    void adoptionRecordWithoutPositionReadsAsNoPosition() {
        AdoptionRecorded r = (AdoptionRecorded) read("AdoptionRecorded", """
                {"recordId":"ADR-1.2","itemId":"I-1","unitId":"U006","kind":"CITY_BULLETIN_ADOPTED",
                 "publication":"鄂尔多斯政讯","issueNo":"2025年第3期","effectiveDate":"2025-02-20","leader":null,
                 "note":null,"combinedRecordId":"ADR-1","recordedBy":"room-editor",
                 "recordedAt":"2025-02-21T01:00:00Z"}""");

        assertThat(r.combinedRecordId()).isEqualTo("ADR-1");
        assertThat(r.combinedPosition()).isNull();
    }
}
