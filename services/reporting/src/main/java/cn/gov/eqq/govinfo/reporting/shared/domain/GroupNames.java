package cn.gov.eqq.govinfo.reporting.shared.domain;

/** How circulars name the ranking groups. */
public final class GroupNames {

    public static String of(int group) {
        return switch (group) {
            case 1 -> "第一组";
            case 2 -> "第二组";
            case 3 -> "第三组";
            default -> "第" + group + "组";
        };
    }

    private GroupNames() {
    }
}
