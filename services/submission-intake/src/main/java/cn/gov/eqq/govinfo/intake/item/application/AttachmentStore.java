package cn.gov.eqq.govinfo.intake.item.application;

import java.time.Instant;
import java.util.Optional;

/** Attachment files, kept as binary documents (the wire server has no GridFS guarantee; 16 MB per document). */
public interface AttachmentStore {

    record Attachment(String id, String itemId, String unitId, String fileName, String mediaType, long size,
                      String sha256, String uploadedBy, Instant uploadedAt) {
    }

    void save(Attachment meta, byte[] content);

    Optional<Attachment> find(String attachmentId);

    Optional<byte[]> content(String attachmentId);
}
