package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How an item is classified for appraisal: what the room may correct (鄂前政办发〔2022〕65号 二(四); scoring turns it
 * into points).
 *
 * @param majorEvent     重大事件
 * @param majorEmergency 重大紧急类
 * @param topics         报送重点, without repeats, in the order given
 */
public record Classification(Category category, boolean majorEvent, boolean majorEmergency, List<FocusTopic> topics) {

    public Classification {
        topics = topics == null ? List.of() : List.copyOf(topics.stream().filter(Objects::nonNull).distinct().toList());
    }

    public static Classification of(ItemContent content) {
        return new Classification(content.category(), content.majorEvent(), content.majorEmergency(),
                content.topics());
    }

    /**
     * What differs from this classification to {@code to}, one Chinese line per field, e.g.
     * {@code 类别 由「动态类」改为「问题类」}; empty when nothing differs (the order of the topics does not count).
     */
    public List<String> changesTo(Classification to) {
        List<String> lines = new ArrayList<>();
        if (category != to.category) {
            lines.add(line("类别", category == null ? "未选择" : category.label(),
                    to.category == null ? "未选择" : to.category.label()));
        }
        if (majorEvent != to.majorEvent) {
            lines.add(line("重大事件", yesNo(majorEvent), yesNo(to.majorEvent)));
        }
        if (majorEmergency != to.majorEmergency) {
            lines.add(line("重大紧急", yesNo(majorEmergency), yesNo(to.majorEmergency)));
        }
        if (!java.util.Set.copyOf(topics).equals(java.util.Set.copyOf(to.topics))) {
            lines.add(line("报送重点", topicLabels(topics), topicLabels(to.topics)));
        }
        return lines;
    }

    private static String line(String field, String from, String to) {
        return field + " 由「" + from + "」改为「" + to + "」";
    }

    private static String yesNo(boolean b) {
        return b ? "是" : "否";
    }

    private static String topicLabels(List<FocusTopic> topics) {
        return topics.isEmpty() ? "无" : topics.stream().map(FocusTopic::label).collect(Collectors.joining("、"));
    }
}
