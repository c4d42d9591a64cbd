package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Importing the room's records of earlier years (CSV template in {@link PastRecordParser}). Every row is checked
 * first and all problems are reported by row and column; only a clean file is imported. Items get ids derived
 * from their content, so importing the same file (or the same record in another file) again adds nothing; the
 * imported items publish the same events as live ones, at their real times, so scoring counts them.
 */
public class HistoryImport {

    public record Outcome(String batchId, int rows, int added, int alreadyPresent, boolean repeated) {
    }

    private static final int MAX_ERRORS_SHOWN = 200;

    private final ItemStore items;
    private final ImportStore imports;
    private final Supplier<Set<String>> knownUnits;
    private final Clock clock;
    private final Runnable afterWrite;

    public HistoryImport(ItemStore items, ImportStore imports, Supplier<Set<String>> knownUnits, Clock clock,
                         Runnable afterWrite) {
        this.items = items;
        this.imports = imports;
        this.knownUnits = knownUnits;
        this.clock = clock;
        this.afterWrite = afterWrite;
    }

    /** A CSV file of past items, as the room uploaded it, and where the request came from. */
    public record ImportPastRecords(String fileName, byte[] content, String origin) {
    }

    public Outcome importCsv(Actor room, ImportPastRecords command) {
        String fileName = command.fileName();
        byte[] content = command.content();
        String origin = command.origin();
        if (!room.has(Role.INFO_ROOM)) {
            throw UseCaseFailure.forbidden("只有信息室可以导入历史信息");
        }
        String text = decode(content);
        PastRecordParser.Result parsed = PastRecordParser.parse(text, knownUnits.get(), clock.instant());
        if (!parsed.errors().isEmpty()) {
            UseCaseFailure failure = UseCaseFailure.invalid("import.invalid", "文件有 " + parsed.errors().size()
                    + " 处错误，未导入任何数据；请修改后重新导入");
            parsed.errors().stream().limit(MAX_ERRORS_SHOWN)
                    .forEach(e -> failure.withField("第" + e.row() + "行." + e.column(), e.message()));
            throw failure;
        }
        String batchId = "BATCH-" + sha256(content);
        ImportStore.Batch batch = new ImportStore.Batch(batchId, fileName, text, room.userId(), origin,
                clock.instant(), false, parsed.records().size(), 0, 0);
        if (!imports.begin(batch)) {
            ImportStore.Batch earlier = imports.find(batchId).orElseThrow();
            if (earlier.done()) {
                return new Outcome(batchId, earlier.rows(), 0, earlier.rows(), true);
            }
            batch = earlier; // an earlier attempt stopped half-way: finish it now
        }
        return complete(batch, room, parsed.records());
    }

    /** Finishes batches that were committed but not completed (a crash during the import). */
    public int resumePending(Actor system) {
        int resumed = 0;
        for (ImportStore.Batch batch : imports.pending()) {
            PastRecordParser.Result parsed = PastRecordParser.parse(batch.text(), knownUnits.get(), clock.instant());
            if (parsed.errors().isEmpty()) {
                Actor as = new Actor(batch.importedBy(), batch.importedBy(), null, system.roles());
                complete(batch, as, parsed.records());
                resumed++;
            }
        }
        return resumed;
    }

    public List<ImportStore.Batch> recent(Actor actor) {
        if (!actor.has(Role.INFO_ROOM) && !actor.has(Role.ADMIN)) {
            throw UseCaseFailure.forbidden("只有信息室和管理员可以查看导入记录");
        }
        return imports.recent(50);
    }

    private Outcome complete(ImportStore.Batch batch, Actor room, List<PastRecordParser.PastRecord> records) {
        int added = 0;
        int present = 0;
        for (PastRecordParser.PastRecord r : records) {
            ItemContent content = new ItemContent(r.title(), r.body(), r.category(), r.topics(), null, null, null,
                    r.category() == Category.PROBLEM ? Polarity.PROBLEM : null, false, r.majorEmergency(), null, null,
                    List.of());
            Item.Transition t = Item.imported(r.itemId(), r.unitId(), content, r.submittedAt(), r.outcome(),
                    r.decidedAt(), r.forwardedAt(), r.voidReason(), room);
            List<EventEnvelope<?>> events = ItemEvents.of(t.item(), t.changes());
            List<AuditEntry> audit = t.changes().stream()
                    .map(c -> new AuditEntry(c.at(), room.userId(), room.displayName(),
                            "IMPORTED_" + ItemEvents.audit(c, room.displayName(), batch.origin()).action(),
                            null, "批量导入 " + batch.id() + " 第" + r.row() + "行", batch.origin()))
                    .toList();
            if (items.insertImported(t.item(), events, audit)) {
                added++;
            } else {
                present++;
            }
        }
        imports.finish(batch.id(), added, present, clock.instant());
        afterWrite.run();
        return new Outcome(batch.id(), records.size(), added, present, false);
    }

    /** UTF-8 (with or without BOM) as the template says; Excel's Chinese default GB18030 is accepted too. */
    static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                throw UseCaseFailure.invalid("import.encoding", "无法识别文件编码，请保存为 UTF-8 编码的 CSV 文件");
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
