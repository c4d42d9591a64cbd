package cn.gov.eqq.govinfo.adoption.importing.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportResult;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportStatus;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.importing.domain.ImportTemplate;
import cn.gov.eqq.govinfo.adoption.importing.domain.RowProblem;
import cn.gov.eqq.govinfo.platform.input.TextRule;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Spreadsheet import of past records (room only). Send the CSV as the part {@code file} of a form, or as the body
 * ({@code text/csv}). UTF-8 is expected; a file that is not valid UTF-8 is read as GB18030 (what Chinese Excel
 * writes when saving "CSV"). The OpenAPI document declares only the form: one operation with one body type is what
 * a generated client can call (three body types on one operation made openapi-generator's Java client refer to a
 * model it never generated); the plain body stays for scripts ({@code curl --data-binary}).
 */
@RestController
@RequestMapping("/api/adoption/imports")
@PreAuthorize("hasRole('info-room')")
class ImportController {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ImportingRecords importing;

    ImportController(ImportingRecords importing) {
        this.importing = importing;
    }

    @GetMapping(value = "/template", produces = "text/csv")
    ResponseEntity<String> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"adoption-import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body("\uFEFF" + ImportTemplate.EXAMPLE);
    }

    /** An accepted import as it stands: its lines that waited for their item, recorded since or still waiting. */
    @GetMapping("/{batchId}")
    ImportStatus status(@PathVariable String batchId) {
        return importing.status(batchId).orElseThrow(() -> ApiProblem.notFound("找不到导入批次 " + batchId));
    }

    @Operation(hidden = true)
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ImportResult importBody(CurrentUser user, @RequestBody byte[] body,
                            @RequestParam(defaultValue = "upload.csv") String fileName) {
        return run(user, fileName, body);
    }

    @Operation(operationId = "importRecords", summary = "导入历史采用记录（CSV 文件，表单字段 file）",
            description = "同一 CSV 也可作为请求体直接发送（Content-Type: text/csv，可加 ?fileName=）。")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
        return run(user, file.getOriginalFilename(), file.getBytes());
    }

    private ImportResult run(CurrentUser user, String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            // the accepted file is kept whole in one document: stay far below MongoDB's 16 MB document limit
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "import.too-large", "请求内容过大",
                    "导入文件不能超过 2 MB，请分成几个文件导入");
        }
        String text = decode(bytes);
        String refused = TextRule.lineViolation(text);
        if (refused != null) {
            throw ApiProblem.badRequest("import.invalid-text", "导入文件" + refused + "，请修改后重新导入");
        }
        ImportResult result = importing.importCsv(fileName, text, user.actor());
        if (!result.imported()) {
            ApiProblem problem = ApiProblem.unprocessable("import.refused",
                    "文件中有 " + result.problems().size() + " 处问题，未导入任何记录；请修改后重新导入");
            for (RowProblem p : result.problems()) {
                problem.withField("第" + p.line() + "行", p.message());
            }
            throw problem;
        }
        return result;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
