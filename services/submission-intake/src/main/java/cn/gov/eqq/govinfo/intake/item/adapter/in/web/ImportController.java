package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import cn.gov.eqq.govinfo.intake.item.application.PastRecordParser;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.input.TextRule;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The room imports its records of earlier years from a CSV file made from the template. */
@RestController
@RequestMapping("/api/intake/imports")
class ImportController {

    private final HistoryImport imports;

    ImportController(HistoryImport imports) {
        this.imports = imports;
    }

    record ImportResult(String batchId, int rows, int added, int alreadyPresent, boolean repeatedFile) {
    }

    record BatchView(String batchId, String fileName, String importedBy, Instant startedAt, boolean done, int rows,
                     int added, int alreadyPresent) {
        static BatchView of(ImportStore.Batch b) {
            return new BatchView(b.id(), b.fileName(), b.importedBy(), b.startedAt(), b.done(), b.rows(), b.added(),
                    b.alreadyPresent());
        }
    }

    @GetMapping(value = "/template", produces = "text/csv")
    ResponseEntity<byte[]> template() {
        // with a BOM so that Excel opens the Chinese text correctly
        byte[] body = ("\uFEFF" + PastRecordParser.TEMPLATE).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('info-room')")
    ImportResult importFile(CurrentUser user, @RequestParam("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("import.empty", "上传的文件为空");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw ApiProblem.unprocessable("import.xlsx-unsupported",
                    "暂不支持 Excel 文件，请在 Excel 中“另存为”CSV（UTF-8）后导入");
        }
        // the text rule of every free-text field, on each line of the file (read as UTF-8; a GB18030 file's Chinese
        // becomes U+FFFD here, which the rule lets pass, while its control characters stay what they are)
        String refused = TextRule.lineViolation(new String(file.getBytes(), StandardCharsets.UTF_8));
        if (refused != null) {
            throw ApiProblem.badRequest("import.invalid-text", "导入文件" + refused + "，请修改后重新导入");
        }
        HistoryImport.Outcome o = imports.importCsv(Actors.of(user),
                new HistoryImport.ImportPastRecords(file.getOriginalFilename(), file.getBytes(),
                        Actors.origin(request)));
        return new ImportResult(o.batchId(), o.rows(), o.added(), o.alreadyPresent(), o.repeated());
    }

    @GetMapping
    List<BatchView> recent(CurrentUser user) {
        return imports.recent(Actors.of(user)).stream().map(BatchView::of).toList();
    }
}
