package cn.gov.eqq.govinfo.intake.filing.application;

import cn.gov.eqq.govinfo.intake.filing.domain.FilingDeadline;
import cn.gov.eqq.govinfo.intake.item.application.AttachmentStore;
import cn.gov.eqq.govinfo.intake.item.domain.AttachmentPolicy;
import cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Units file their internal rules document; the room sees who filed, who filed late and who has not. */
public class RulesFilings {

    public record UnitFiling(String unitId, String unitName, int group, FilingDeadline.Status status,
                             String statusLabel, String title, String fileName, String attachmentId, String filedBy,
                             Instant filedAt) {
    }

    public record Overview(int year, Instant deadline, long filed, long filedLate, long missing,
                           List<UnitFiling> units) {
    }

    private final FilingStore filings;
    private final AttachmentStore files;
    private final AttachmentPolicy policy;
    private final KeepingUnits units;
    private final Clock clock;

    public RulesFilings(FilingStore filings, AttachmentStore files, AttachmentPolicy policy, KeepingUnits units,
                        Clock clock) {
        this.filings = filings;
        this.files = files;
        this.policy = policy;
        this.units = units;
        this.clock = clock;
    }

    /** A unit's rules document for a year, as its reporter or leader sent it. */
    public record FileRules(int year, String title, String fileName, byte[] content) {
    }

    public UnitFiling file(Actor actor, FileRules command) {
        int year = command.year();
        String title = command.title();
        String fileName = command.fileName();
        byte[] content = command.content();
        if (!actor.worksForAUnit()) {
            throw UseCaseFailure.forbidden("只有报送单位的信息员或领导可以备案本单位的制度");
        }
        checkYear(year);
        if (title == null || title.isBlank()) {
            throw UseCaseFailure.invalid("filing.title-required", "请填写制度文件名称").withField("title", "请填写制度文件名称");
        }
        AttachmentPolicy.FileType type;
        try {
            type = policy.check(fileName, content);
        } catch (ItemRuleException e) {
            throw UseCaseFailure.invalid(e.code(), e.getMessage()).withField("file", e.getMessage());
        }
        if (type.kind() != AttachmentPolicy.Kind.DOCUMENT) {
            throw UseCaseFailure.invalid("filing.document-required", "备案材料应为 PDF、Word 或 WPS 文档")
                    .withField("file", "备案材料应为文档");
        }
        Instant now = clock.instant();
        String attachmentId = UUID.randomUUID().toString();
        files.save(new AttachmentStore.Attachment(attachmentId, null, actor.unitId(), fileName, type.mediaType(),
                content.length, null, actor.userId(), now), content);
        Instant first = filings.find(year, actor.unitId()).map(FilingStore.Filing::firstFiledAt).orElse(now);
        filings.save(new FilingStore.Filing(year, actor.unitId(), title.strip(), attachmentId, fileName,
                actor.userId(), now, first));
        return mine(actor, year);
    }

    public UnitFiling mine(Actor actor, int year) {
        if (actor.unitId() == null) {
            throw UseCaseFailure.forbidden("当前账号未关联报送单位");
        }
        checkYear(year);
        Unit unit = units.find(actor.unitId()).orElseThrow(() -> UseCaseFailure.notFound("单位不存在"));
        return row(unit, filings.find(year, unit.id()).orElse(null), year);
    }

    public Overview overview(Actor actor, int year) {
        if (!actor.seesAllUnits()) {
            throw UseCaseFailure.forbidden("只有信息室、领导和管理员可以查看各单位备案情况");
        }
        checkYear(year);
        Map<String, FilingStore.Filing> byUnit = filings.ofYear(year).stream()
                .collect(Collectors.toMap(FilingStore.Filing::unitId, Function.identity()));
        List<UnitFiling> rows = units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(Unit::group).thenComparing(Unit::id))
                .map(u -> row(u, byUnit.get(u.id()), year)).toList();
        return new Overview(year, FilingDeadline.of(year),
                rows.stream().filter(r -> r.status() == FilingDeadline.Status.FILED).count(),
                rows.stream().filter(r -> r.status() == FilingDeadline.Status.FILED_LATE).count(),
                rows.stream().filter(r -> r.filedAt() == null).count(), rows);
    }

    private UnitFiling row(Unit unit, FilingStore.Filing f, int year) {
        // on time or late is judged by the first filing; a later replacement does not make it late
        FilingDeadline.Status status = FilingDeadline.status(year, f == null ? null : f.firstFiledAt(), clock.instant());
        return new UnitFiling(unit.id(), unit.name(), unit.group(), status, status.label(),
                f == null ? null : f.title(), f == null ? null : f.fileName(), f == null ? null : f.attachmentId(),
                f == null ? null : f.filedBy(), f == null ? null : f.filedAt());
    }

    private static void checkYear(int year) {
        if (year < 2022 || year > 2100) {
            throw UseCaseFailure.invalid("filing.year-invalid", "年份应在 2022 至 2100 之间").withField("year", "年份无效");
        }
    }
}
