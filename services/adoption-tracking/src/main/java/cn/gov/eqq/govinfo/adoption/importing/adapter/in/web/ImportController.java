package cn.gov.eqq.govinfo.adoption.importing.adapter.in.web;

import cn.gov.eqq.govinfo.platform.input.CsvUploads;
import cn.gov.eqq.govinfo.platform.work.BatchStates;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportStatus;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.importing.domain.ImportTemplate;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Spreadsheet import of past records (room only), checked and written in the background (ADR 0022). Send the CSV as the part {@code file} of a form, or as the body
 * ({@code text/csv}). UTF-8 is expected; a file that is not valid UTF-8 is read as GB18030 (what Chinese Excel
 * writes when saving "CSV"). The OpenAPI document declares only the form: one operation with one body type is what
 * a generated client can call (three body types on one operation made openapi-generator's Java client refer to a
 * model it never generated); the plain body stays for scripts ({@code curl --data-binary}).
 */
@RestController
@RequestMapping("/api/adoption/imports")
class ImportController {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ImportingRecords importing;

    ImportController(ImportingRecords importing) {
        this.importing = importing;
    }

    @GetMapping(value = "/template", produces = "text/csv")
    ResponseEntity<byte[]> template() {
        // bytes, as the other templates: a generated client then saves the file instead of reading it as JSON
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"adoption-import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(("\uFEFF" + ImportTemplate.EXAMPLE).getBytes(StandardCharsets.UTF_8));
    }

    /** A row problem: the row as the spreadsheet shows it, the column (when one cell's), the Chinese message. */
    record RowErrorView(int row, String column, String field, String message) {
    }

    /**
     * A batch and its progress, with the field names of intake's import view (one portal page serves both):
     * {@code state} QUEUED → CHECKING → WRITING → DONE, or FAILED with {@code errors} (the first 200 of
     * {@code errorCount}) and nothing written. Adoption's own: {@code waiting} lines still waiting for their item
     * (in the list: how many waited when written), {@code recordedSinceWaiting}, {@code waitingLines} in Chinese,
     * {@code duplicateLinesInFile} and {@code skipped} (items voided between the check and the write).
     */
    record BatchView(String batchId, String fileName, String importedBy, Instant startedAt, Instant finishedAt,
                     String state, String stateLabel, boolean done, int rows, int checked, int written, int added,
                     int alreadyPresent, int errorCount, List<RowErrorView> errors, boolean repeatedFile,
                     int waiting, int recordedSinceWaiting, List<String> waitingLines, int duplicateLinesInFile,
                     int skipped) {

        static BatchView of(ImportStatus s, boolean repeated) {
            ImportBatchStore.Batch b = s.batch();
            return new BatchView(b.batchId(), b.fileName(), b.importedBy(), b.startedAt(), b.finishedAt(),
                    b.state().name(), BatchStates.label(b.state().name()), b.done(), b.rowCount(), b.checked(), b.written(),
                    b.counts().added(), b.counts().alreadyPresent(), b.errorCount(),
                    b.errors().stream().map(e -> new RowErrorView(e.row(), e.column(),
                            "第" + e.row() + "行" + (e.column() == null ? "" : "." + e.column()), e.message()))
                            .toList(),
                    repeated, s.waiting(), s.recordedSinceWaiting(), s.waitingLines(), b.duplicateLinesInFile(),
                    b.counts().skipped());
        }

    }

    /** A batch as it stands: its progress, its problems, and its lines that wait for their item. */
    @GetMapping("/{batchId}")
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    BatchView status(@PathVariable String batchId) {
        return importing.status(batchId).map(s -> BatchView.of(s, false))
                .orElseThrow(() -> ApiProblem.notFound("找不到导入批次 " + batchId));
    }

    /** The latest 50 batches, newest first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    List<BatchView> recent() {
        return importing.recent().stream().map(s -> BatchView.of(s, false)).toList();
    }

    @Operation(hidden = true)
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('info-room')")
    ResponseEntity<BatchView> importBody(CurrentUser user, @RequestBody byte[] body,
                                         @RequestParam(defaultValue = "upload.csv") String fileName) {
        return accept(user, fileName, body);
    }

    @Operation(operationId = "importRecords", summary = "导入历史采用记录（CSV 文件，表单字段 file）",
            description = "立即以 202 应答，Location 为导入批次；检查与写入在后台进行，进度与问题见 GET 该批次。"
                    + "同一 CSV 也可作为请求体直接发送（Content-Type: text/csv，可加 ?fileName=）。")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('info-room')")
    ResponseEntity<BatchView> importFile(CurrentUser user, @RequestPart("file") MultipartFile file)
            throws IOException {
        return accept(user, file.getOriginalFilename(), file.getBytes());
    }

    /** Accepted (202) at once, {@code Location} the batch: it is checked and written in the background. */
    private ResponseEntity<BatchView> accept(CurrentUser user, String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            // the file is kept whole in its batch document: stay far below MongoDB's 16 MB document limit
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "import.too-large", "请求内容过大",
                    "导入文件不能超过 2 MB，请分成几个文件导入");
        }
        // the upload checks every import makes: no Excel workbook (422), the text rule on every line (400)
        CsvUploads.check(fileName, bytes);
        // UTF-8, or Excel's GB18030; anything else is refused at once (400 import.encoding), not queued
        String text = CsvUploads.decode(bytes);
        ImportingRecords.Accepted accepted = importing.accept(fileName, text, user.actor());
        return ResponseEntity.accepted()
                .location(URI.create("/api/adoption/imports/" + accepted.status().batch().batchId()))
                .body(BatchView.of(accepted.status(), accepted.repeated()));
    }
}
