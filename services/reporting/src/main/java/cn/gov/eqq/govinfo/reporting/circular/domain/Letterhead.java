package cn.gov.eqq.govinfo.reporting.circular.domain;

import java.util.Objects;

/**
 * What a circular says about where it comes from and to whom: the notice it is issued under, the prefix of its
 * document number and its addressees. A draft takes them from the county's settings (and again on each refresh);
 * the circular keeps them, so a published circular reads the same whatever the settings or the code say later.
 *
 * @param notice       the notice cited in the opening sentence, title in 《》 and its number, e.g.
 *                     《…补充通知》（鄂前政办发〔2022〕65号）
 * @param numberPrefix the document number's prefix, e.g. 鄂前政办信 (→ 鄂前政办信〔2026〕7号)
 * @param addressees   the line above the body, ending with ：
 */
public record Letterhead(String notice, String numberPrefix, String addressees) {

    /**
     * The wording of every circular stored before circulars kept their own letterhead: the code then printed these
     * words (the notice's title was wrong), and those circulars keep them — they were issued so.
     */
    public static final Letterhead FIRST_RELEASE = new Letterhead(
            "《鄂托克前旗人民政府办公室关于进一步加强政务信息工作的补充通知》（鄂前政办发〔2022〕65号）", "鄂前政办信",
            "各镇人民政府，上海庙经济开发区管委会，旗直各部门、各单位：");

    public Letterhead {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(numberPrefix, "numberPrefix");
        Objects.requireNonNull(addressees, "addressees");
    }

    /** e.g. 鄂前政办信〔2026〕7号: the office's numbering of information circulars, one sequence per year. */
    public String documentNumber(int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1");
        }
        return numberPrefix + "〔" + year + "〕" + sequence + "号";
    }
}
