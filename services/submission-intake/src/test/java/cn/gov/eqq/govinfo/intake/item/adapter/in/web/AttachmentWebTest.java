package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Attachments through the API: type sniffing, size limits, who may read them, and when they may change. */
class AttachmentWebTest extends IntakeIntegrationTest {

    private static final byte[] PDF = "%PDF-1.7\n%政务信息附件\n%%EOF".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void documentIsUploadedListedAndDownloadedByThoseWhoSeeTheItem() throws Exception {
        String id = draft("U006", goodNews("带附件的信息"));
        String body = mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "会议纪要.pdf", "application/octet-stream", PDF))
                        .with(reporter("U006")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andReturn().getResponse().getContentAsString();
        String attachmentId = JsonPath.read(body, "$.attachmentId");

        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(jsonPath("$.content.attachmentIds[0]").value(attachmentId));
        mvc.perform(get("/api/intake/items/{id}/attachments", id).with(reporter("U006")))
                .andExpect(jsonPath("$[0].fileName").value("会议纪要.pdf"));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006"))).andExpect(status().isOk());
        mvc.perform(get("/api/intake/items/{id}/attachments/{a}", id, attachmentId).with(room()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF))
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/api/intake/items/{id}/attachments/{a}", id, attachmentId).with(reporter("U007")))
                .andExpect(status().isNotFound());
        // once submitted, the revision's files are fixed
        mvc.perform(delete("/api/intake/items/{id}/attachments/{a}", id, attachmentId).with(reporter("U006")))
                .andExpect(status().isConflict());
    }

    @Test
    void disguisedOrOversizedFilesAreRefusedInChinese() throws Exception {
        String id = draft("U006", goodNews("附件检查"));
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "照片.jpg", "image/jpeg", PDF)).with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("附件内容（PDF）与扩展名 .jpg 不符"));
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "setup.pdf", "application/pdf", new byte[]{0x4D, 0x5A, 0, 0}))
                        .with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] bigJpeg = Arrays.copyOf(JPEG, 5 * 1024 * 1024 + 1);
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "大图.jpg", "image/jpeg", bigJpeg)).with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("图片不能超过 5MB"));
        mvc.perform(get("/api/intake/items/{id}/attachments", id).with(reporter("U006")))
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void reporterOfAnotherUnitCannotAttachOrRemove() throws Exception {
        String id = draft("U006", goodNews("别人的草稿"));
        mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)).with(reporter("U007")))
                .andExpect(status().isNotFound());
    }

    @Test
    void draftFileCanBeRemoved() throws Exception {
        String id = draft("U006", goodNews("删除附件"));
        String body = mvc.perform(multipart("/api/intake/items/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", JPEG)).with(reporter("U006")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String attachmentId = JsonPath.read(body, "$.attachmentId");
        mvc.perform(delete("/api/intake/items/{id}/attachments/{a}", id, attachmentId).with(reporter("U006")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(jsonPath("$.content.attachmentIds").isEmpty());
    }
}
