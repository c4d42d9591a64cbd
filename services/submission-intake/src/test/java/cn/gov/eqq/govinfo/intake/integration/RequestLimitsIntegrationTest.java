package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Intake's configured limits: 1 MB for JSON, 12 MB for uploads, and attachments judged by their content. */
class RequestLimitsIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aJsonBodyOverOneMegabyteIs413InChineseAndNothingIsStored() throws Exception {
        String title = "超大正文测试" + System.nanoTime();
        String huge = itemJson(title, "长".repeat(400_000), "DYNAMIC", "GOOD_NEWS", false, null);
        mvc.perform(post("/api/intake/items").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("payload-too-large"))
                .andExpect(jsonPath("$.title").value("请求内容过大"))
                .andExpect(jsonPath("$.detail", containsString("1 MB")));
        assertThat(mongo.findAll(Document.class, "items")).noneMatch(d -> d.toJson().contains(title));
    }

    @Test
    void anUploadOverTwelveMegabytesIs413ButElevenPassesTheLimit() throws Exception {
        String id = draft("U006", goodNews("附件上限测试"));
        // a raw multipart body with its declared length, as a browser sends it (MockMvc's multipart() declares none)
        mvc.perform(post("/api/intake/items/{id}/attachments", id).with(reporter("U006"))
                        .contentType("multipart/form-data; boundary=x").content(pdfPart(13 * 1024 * 1024)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("payload-too-large"))
                .andExpect(jsonPath("$.detail", containsString("12 MB")));
        // 11 MB passes the body limit (MockMvc does not parse a raw multipart body, so the controller then misses
        // its part: a 400, not a 413; the real upload path is AttachmentWebTest and the policy's own 10 MB check)
        mvc.perform(post("/api/intake/items/{id}/attachments", id).with(reporter("U006"))
                        .contentType("multipart/form-data; boundary=x").content(pdfPart(11 * 1024 * 1024)))
                .andExpect(status().isBadRequest());
    }

    private static byte[] pdfPart(int size) {
        byte[] head = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "\r\n--x--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, size);
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }

    @Test
    void aRealWordFileIsAcceptedAndAZipRenamedToDocxIsNot() throws Exception {
        String id = draft("U006", goodNews("附件内容检查测试"));
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("情况说明");
            doc.write(out);
            docx = out.toByteArray();
        }
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "情况说明.docx", "application/octet-stream", docx))
                        .with(reporter("U006")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("setup.exe"));
            zip.write(new byte[]{0x4D, 0x5A, 0, 0});
            zip.closeEntry();
        }
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "材料.docx", "application/vnd.openxmlformats-officedocument"
                                + ".wordprocessingml.document", zipBytes.toByteArray()))
                        .with(reporter("U006")))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value("attachment.invalid"))
                .andExpect(jsonPath("$.detail", containsString("不支持的附件类型")));
    }
}
