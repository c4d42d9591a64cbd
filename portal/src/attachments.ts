// Attachments of an item: the service's limits checked before the upload (the service decides by magic bytes).

/** intake's AttachmentPolicy as data: extensions per kind, bytes per kind, files per item (defaults of its config). */
export const ATTACHMENT_RULES = {
  document: { extensions: ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'wps', 'et'], maxBytes: 10 * 1024 * 1024 },
  image: { extensions: ['jpg', 'jpeg', 'png'], maxBytes: 5 * 1024 * 1024 },
  perItem: 10,
};

/** The Chinese reason a file cannot be attached, or null when it may be sent. */
export function checkAttachment(name: string, size: number, alreadyAttached: number,
                                rules = ATTACHMENT_RULES): string | null {
  if (alreadyAttached >= rules.perItem) return `每条信息最多 ${rules.perItem} 个附件`;
  const ext = name.includes('.') ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = rules.document.extensions.includes(ext) ? rules.document
    : rules.image.extensions.includes(ext) ? rules.image : null;
  if (!kind) return '附件只能是 PDF、Word、Excel、WPS 文档或 JPG、PNG 图片';
  if (size === 0) return '附件为空';
  if (size > kind.maxBytes) {
    return `${kind === rules.image ? '图片' : '文档'}不能超过 ${kind.maxBytes / 1024 / 1024} MB（此文件 ${(size / 1024 / 1024).toFixed(1)} MB）`;
  }
  return null;
}

export interface AttachmentView {
  attachmentId: string; fileName: string; mediaType: string; size: number; uploadedBy: string; uploadedAt: string;
}

export function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
