package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What changed between two revisions of an item, field by field, so the room can see what the unit revised. */
public final class RevisionComparison {

    public record FieldChange(String field, String label, String before, String after) {
    }

    private record Field(String name, String label, Function<ItemContent, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("title", "标题", ItemContent::title),
            new Field("body", "正文", ItemContent::body),
            new Field("category", "类别", c -> c.category() == null ? null : c.category().label()),
            new Field("topics", "报送重点", c -> c.topics().stream().map(FocusTopic::label).toList()),
            new Field("eventDate", "事件日期", ItemContent::eventDate),
            new Field("reporterName", "报送人", ItemContent::reporterName),
            new Field("contactPhone", "联系电话", ItemContent::contactPhone),
            new Field("polarity", "喜忧", c -> c.polarity() == null ? null : c.polarity().label()),
            new Field("majorEvent", "重大事件", ItemContent::majorEvent),
            new Field("majorEmergency", "重大紧急类", ItemContent::majorEmergency),
            new Field("countermeasures", "对策建议", ItemContent::countermeasures),
            new Field("commissionId", "约稿任务", ItemContent::commissionId),
            new Field("attachmentIds", "附件", ItemContent::attachmentIds));

    private RevisionComparison() {
    }

    public static List<FieldChange> between(ItemContent before, ItemContent after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field f : FIELDS) {
            Object a = f.value().apply(before);
            Object b = f.value().apply(after);
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(f.name(), f.label(), a == null ? null : a.toString(),
                        b == null ? null : b.toString()));
            }
        }
        return changes;
    }
}
