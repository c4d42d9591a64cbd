package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import cn.gov.eqq.govinfo.intake.item.application.PastRecordParser;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.input.CsvUploads;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.work.BatchStates;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The room imports its records of earlier years from a CSV file made from the template, in the background. */
@RestController
@RequestMapping("/api/intake/imports")
class ImportController {

    private final HistoryImport imports;

    ImportController(HistoryImport imports) {
        this.imports = imports;
    }

    /** A row error: row number as the spreadsheet shows it, the column, the Chinese message. */
    record RowErrorView(int row, String column, String field, String message) {
    }

    /**
     * A batch and its progress: {@code state} QUEUED → CHECKING → WRITING → DONE, or FAILED with {@code errors}
     * (the first 200 of {@code errorCount}) and nothing written.
     */
    record BatchView(String batchId, String fileName, String importedBy, Instant startedAt, Instant finishedAt,
                     String state, String stateLabel, boolean done, int rows, int checked, int written, int added,
                     int alreadyPresent, int errorCount, List<RowErrorView> errors, boolean repeatedFile) {
        static BatchView of(ImportStore.Batch b, boolean repeated) {
            return new BatchView(b.id(), b.fileName(), b.importedBy(), b.startedAt(), b.finishedAt(), b.state().name(),
                    BatchStates.label(b.state().name()), b.done(), b.rows(), b.checked(), b.written(), b.added(),
                    b.alreadyPresent(), b.errorCount(), b.errors().stream().map(e -> new RowErrorView(e.row(),
                            e.column(), "第" + e.row() + "行." + e.column(), e.message())).toList(), repeated);
        }
    }

    @GetMapping(value = "/template", produces = "text/csv")
    ResponseEntity<byte[]> template() {
        // with a BOM so that Excel opens the Chinese text correctly
        byte[] body = ("\uFEFF" + PastRecordParser.TEMPLATE).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** Accepted (202) at once, {@code Location} the batch: it is checked and written in the background. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('info-room')")
    ResponseEntity<BatchView> importFile(CurrentUser user, @RequestParam("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("import.empty", "上传的文件为空");
        }
        CsvUploads.check(file.getOriginalFilename(), file.getBytes());
        HistoryImport.Accepted accepted = imports.accept(Actors.of(user),
                new HistoryImport.ImportPastRecords(file.getOriginalFilename(), file.getBytes(),
                        Actors.origin(request)));
        return ResponseEntity.accepted().location(URI.create("/api/intake/imports/" + accepted.batch().id()))
                .body(BatchView.of(accepted.batch(), accepted.repeated()));
    }

    @GetMapping("/{batchId}")
    BatchView status(CurrentUser user, @PathVariable String batchId) {
        return BatchView.of(imports.status(Actors.of(user), batchId), false);
    }

    @GetMapping
    List<BatchView> recent(CurrentUser user) {
        return imports.recent(Actors.of(user)).stream().map(b -> BatchView.of(b, false)).toList();
    }
}
