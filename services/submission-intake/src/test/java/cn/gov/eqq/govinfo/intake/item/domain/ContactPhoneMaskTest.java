package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactPhoneMaskTest {

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(ContactPhoneMask.mask("13812341234")).isEqualTo("138****1234");
        assertThat(ContactPhoneMask.mask(" 15947700001 ")).isEqualTo("159****0001");
    }

    @Test
    void aLandlineKeepsItsAreaCodeAndLastFourDigits() {
        assertThat(ContactPhoneMask.mask("0477-7622029")).isEqualTo("0477-***2029");
        assertThat(ContactPhoneMask.mask("7622029")).isEqualTo("***2029");
        assertThat(ContactPhoneMask.mask("0477-76220291")).isEqualTo("0477-****0291");
    }

    @Test
    void aShortNumberKeepsOnlyItsLastTwoDigitsAndNothingIsNotMasked() {
        assertThat(ContactPhoneMask.mask("12345")).isEqualTo("***45");
        assertThat(ContactPhoneMask.mask(null)).isNull();
    }
}
