package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.application.AttachmentStore;
import cn.gov.eqq.govinfo.intake.item.application.Attachments;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Documents and images attached to an item's working copy. */
@RestController
@RequestMapping("/api/intake/items/{itemId}/attachments")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    record AttachmentView(String attachmentId, String fileName, String mediaType, long size, String sha256,
                          String uploadedBy, Instant uploadedAt) {
        static AttachmentView of(AttachmentStore.Attachment a) {
            return new AttachmentView(a.id(), a.fileName(), a.mediaType(), a.size(), a.sha256(), a.uploadedBy(),
                    a.uploadedAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('reporter')")
    AttachmentView upload(CurrentUser user, @PathVariable String itemId, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("attachment.invalid", "附件为空").withField("file", "附件为空");
        }
        return AttachmentView.of(attachments.upload(Actors.of(user),
                new Attachments.UploadAttachment(itemId, file.getOriginalFilename(), file.getBytes())));
    }

    @GetMapping
    List<AttachmentView> list(CurrentUser user, @PathVariable String itemId) {
        return attachments.list(Actors.of(user), itemId).stream().map(AttachmentView::of).toList();
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(CurrentUser user, @PathVariable String itemId, @PathVariable String attachmentId) {
        Attachments.Download d = attachments.download(Actors.of(user), itemId, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(d.meta().mediaType()))
                .body(d.content());
    }

    @DeleteMapping("/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('reporter')")
    void remove(CurrentUser user, @PathVariable String itemId, @PathVariable String attachmentId) {
        attachments.remove(Actors.of(user), itemId, attachmentId);
    }
}
