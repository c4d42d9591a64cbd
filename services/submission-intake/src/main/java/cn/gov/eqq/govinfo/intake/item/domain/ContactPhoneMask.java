package cn.gov.eqq.govinfo.intake.item.domain;

/**
 * How a reporter's contact number is shown to whoever does not need to call them (docs/security.md, personal
 * information): a mobile number keeps its first 3 and last 4 digits ({@code 138****1234}); a landline keeps its area
 * code and last 4 digits ({@code 0477-***2029}); anything shorter keeps only its last 2 digits.
 */
public final class ContactPhoneMask {

    private ContactPhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String text = phone.strip();
        if (text.matches("1\\d{10}")) {
            return text.substring(0, 3) + "****" + text.substring(7);
        }
        int dash = text.indexOf('-');
        String prefix = dash > 0 ? text.substring(0, dash + 1) : "";
        String rest = dash > 0 ? text.substring(dash + 1) : text;
        int keep = rest.length() >= 7 ? 4 : Math.min(2, rest.length());
        return prefix + "*".repeat(rest.length() - keep) + rest.substring(rest.length() - keep);
    }
}
