package cn.gov.eqq.govinfo.commission.tasking.adapter.in.web;

import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.application.PastCommissionFile;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.input.CsvUploads;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.work.BatchStates;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Import (补录) of past commissions with their deadlines, answers and judgements, by the room or an administrator,
 * in the background: answered 202 at once with the batch, whose state and progress the room then reads. Checked
 * whole: one bad entry fails the batch, which lists every bad entry, and nothing is written.
 */
@RestController
@RequestMapping("/api/commission/imports")
class CommissionImportController {

    /**
     * @param commissions the commissions; times are Beijing date-times ({@code 2026-03-31T17:00})
     */
    record ImportRequest(List<PastCommissionRow> commissions) {
    }

    /** An error: commission number (JSON) or the file's line (CSV), the column, where as one path, the message. */
    record RowErrorView(int row, String column, String field, String message) {
    }

    /**
     * A batch and its progress, with the field names of intake's import batches (one portal page reads both):
     * {@code state} QUEUED → CHECKING → WRITING → DONE, or FAILED with {@code errors} (the first 200 of
     * {@code errorCount}) and nothing written. {@code rows} counts commissions; {@code commissions} is the same
     * number and {@code commissionIds} their ids once checked (empty in the list of recent batches).
     */
    record BatchView(String batchId, String fileName, String importedBy, Instant startedAt, Instant finishedAt,
                     String state, String stateLabel, boolean done, int rows, int checked, int written, int added,
                     int alreadyPresent, int errorCount, List<RowErrorView> errors, boolean repeatedFile,
                     int commissions, List<String> commissionIds) {

        static BatchView of(CommissionImportStore.Batch b, boolean repeated) {
            return new BatchView(b.id(), b.fileName(), b.importedBy(), b.startedAt(), b.finishedAt(),
                    b.state().name(), BatchStates.label(b.state().name()), b.done(), b.rows(), b.checked(),
                    b.written(), b.added(), b.alreadyPresent(), b.errorCount(), b.errors().stream()
                    .map(e -> new RowErrorView(e.row(), e.column(), e.field(), e.message())).toList(), repeated,
                    b.rows(), b.commissionIds());
        }
    }

    private final ImportingPastCommissions imports;

    CommissionImportController(ImportingPastCommissions imports) {
        this.imports = imports;
    }

    @GetMapping(value = "/template", produces = "text/csv")
    ResponseEntity<byte[]> template() {
        // with a BOM so that Excel opens the Chinese text correctly
        byte[] body = ("\uFEFF" + PastCommissionFile.TEMPLATE).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commission-import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @Operation(operationId = "importPastCommissions", summary = "补录往期约稿（后台检查并写入，答复 202 与批次）",
            description = "同样的内容也可用模板（GET /api/commission/imports/template）做成 CSV 文件，"
                    + "以表单字段 file 上传（multipart/form-data）。")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    ResponseEntity<BatchView> importPast(CurrentUser user, @RequestBody ImportRequest body,
                                         HttpServletRequest request) {
        return accepted(imports.accept(new ImportingPastCommissions.ImportCommissions(
                body == null ? null : body.commissions(), user.actor(), request.getRemoteAddr())));
    }

    // one operation with two body types makes openapi-generator's Java client refer to a model it never generated
    @Operation(hidden = true)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    ResponseEntity<BatchView> importFile(CurrentUser user, @RequestPart("file") MultipartFile file,
                                         HttpServletRequest request) throws IOException {
        CsvUploads.check(file.getOriginalFilename(), file.getBytes());
        return accepted(imports.accept(new ImportingPastCommissions.ImportCommissionFile(file.getOriginalFilename(),
                file.getBytes(), user.actor(), request.getRemoteAddr())));
    }

    private static ResponseEntity<BatchView> accepted(ImportingPastCommissions.Accepted accepted) {
        return ResponseEntity.accepted().location(URI.create("/api/commission/imports/" + accepted.batch().id()))
                .body(BatchView.of(accepted.batch(), accepted.repeated()));
    }

    @GetMapping("/{batchId}")
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    BatchView status(@PathVariable String batchId) {
        return BatchView.of(imports.status(batchId), false);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    List<BatchView> recent() {
        return imports.recent().stream().map(b -> BatchView.of(b, false)).toList();
    }
}
