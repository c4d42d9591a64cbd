package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.intake.item.domain.AttachmentPolicy;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemPermissions;
import cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Uploading, listing and downloading an item's attachments. The file is stored first and then linked to the
 * item's working copy; a crash in between leaves an unlinked file, never a link without a file.
 */
public class Attachments {

    public record Download(AttachmentStore.Attachment meta, byte[] content) {
    }

    private final ItemStore items;
    private final AttachmentStore files;
    private final AttachmentPolicy policy;
    private final Clock clock;

    public Attachments(ItemStore items, AttachmentStore files, AttachmentPolicy policy, Clock clock) {
        this.items = items;
        this.files = files;
        this.policy = policy;
        this.clock = clock;
    }

    /** A file for an item's draft, as the reporter sent it. */
    public record UploadAttachment(String itemId, String fileName, byte[] content) {
    }

    public AttachmentStore.Attachment upload(Actor reporter, UploadAttachment command) {
        String itemId = command.itemId();
        String fileName = command.fileName();
        byte[] content = command.content();
        ItemStore.StoredItem stored = load(reporter, itemId);
        String id = UUID.randomUUID().toString();
        Item next = domain(() -> {
            Item linked = stored.item().attach(reporter, id, policy.maxPerItem(), clock.instant());
            AttachmentPolicy.FileType type = policy.check(fileName, content);
            AttachmentStore.Attachment meta = new AttachmentStore.Attachment(id, itemId, stored.item().unitId(),
                    fileName, type.mediaType(), content.length, sha256(content), reporter.userId(), clock.instant());
            files.save(meta, content);
            return linked;
        });
        if (!items.update(next, stored.version(), List.of(), List.of(), null)) {
            throw UseCaseFailure.conflict("item.concurrent-change", "该信息刚被他人修改，请刷新后重试");
        }
        return files.find(id).orElseThrow();
    }

    public void remove(Actor reporter, String itemId, String attachmentId) {
        ItemStore.StoredItem stored = load(reporter, itemId);
        Item next = domain(() -> stored.item().detach(reporter, attachmentId, clock.instant()));
        if (!items.update(next, stored.version(), List.of(), List.of(), null)) {
            throw UseCaseFailure.conflict("item.concurrent-change", "该信息刚被他人修改，请刷新后重试");
        }
    }

    public List<AttachmentStore.Attachment> list(Actor actor, String itemId) {
        Item item = load(actor, itemId).item();
        return item.draft().attachmentIds().stream().map(files::find).flatMap(java.util.Optional::stream).toList();
    }

    public Download download(Actor actor, String itemId, String attachmentId) {
        Item item = load(actor, itemId).item();
        if (!item.hasAttachment(attachmentId)) {
            throw UseCaseFailure.notFound("附件不存在");
        }
        AttachmentStore.Attachment meta = files.find(attachmentId).orElseThrow(() -> UseCaseFailure.notFound("附件不存在"));
        return new Download(meta, files.content(attachmentId).orElseThrow(() -> UseCaseFailure.notFound("附件不存在")));
    }

    private ItemStore.StoredItem load(Actor actor, String itemId) {
        ItemStore.StoredItem stored = items.find(itemId)
                .orElseThrow(() -> ItemRefusals.failureOf(ItemPermissions.notFound()));
        domain(() -> {
            ItemPermissions.requireReadable(actor, stored.item());
            return null;
        });
        return stored;
    }

    private static <T> T domain(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ItemRuleException e) {
            throw ItemRefusals.failureOf(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
