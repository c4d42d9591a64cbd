// Attachments of an item: the service's limits checked before the upload (the service decides by magic bytes).
import { call, describe, get } from './api';
import { banner, clearErrors, confirmDialog, el, field, fmtTime, personName, showFieldErrors } from './ui';
import { upload } from './upload';

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

interface AttachmentView {
  attachmentId: string; fileName: string; mediaType: string; size: number; uploadedBy: string; uploadedAt: string;
}

function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The item's attachments with download links; upload and removal while the working copy may be edited. */
export function attachmentsSection(itemId: string, editable: boolean): HTMLElement {
  const base = `/api/intake/items/${encodeURIComponent(itemId)}/attachments`;
  const section = el('section', { className: 'card', id: 'attachments' }, el('h2', {}, '附件'),
    el('p', { className: 'muted' }, '加载中……'));
  const load = async (notice?: string) => {
    let list: AttachmentView[];
    try { list = await get<AttachmentView[]>(base); } catch (e) {
      section.replaceChildren(el('h2', {}, '附件'), banner(describe(e)));
      return;
    }
    const messages = el('div', {}, notice ? banner(notice, 'ok') : null);
    const items = list.length === 0 ? el('p', { className: 'muted' }, '暂无附件。') : el('ul', { className: 'attachments' },
      ...list.map((a) => el('li', { 'data-attachment': a.attachmentId },
        el('a', { href: `${base}/${encodeURIComponent(a.attachmentId)}`, download: a.fileName }, a.fileName),
        ` · ${sizeText(a.size)} · ${personName(a.uploadedBy)} ${fmtTime(a.uploadedAt)}`,
        editable ? el('button', { type: 'button', className: 'danger', onclick: async () => {
          if (!(await confirmDialog('删除附件', `删除附件“${a.fileName}”？删除后不能恢复。`, '删除'))) return;
          try { await call('DELETE', `${base}/${encodeURIComponent(a.attachmentId)}`); await load('附件已删除'); }
          catch (e) { messages.replaceChildren(banner(describe(e))); }
        } }, '删除') : null)));
    section.replaceChildren(el('h2', {}, `附件（${list.length}）`), messages, items);
    if (editable) {
      const input = el('input', { type: 'file', id: 'att-file', name: 'file',
        accept: [...ATTACHMENT_RULES.document.extensions, ...ATTACHMENT_RULES.image.extensions].map((x) => `.${x}`).join(',') });
      const form = el('form', { id: 'attachment-form', className: 'inline-form', novalidate: true },
        field('file', '上传附件', input, `PDF、Word、Excel、WPS 文档不超过 10 MB，JPG、PNG 图片不超过 5 MB，每条信息最多 ${ATTACHMENT_RULES.perItem} 个`),
        el('button', { type: 'submit', id: 'upload-attachment' }, '上传'));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form, messages);
        const file = input.files?.[0];
        const refusal = file ? checkAttachment(file.name, file.size, list.length) : '请选择要上传的文件';
        if (refusal) {
          form.querySelector('#err-file')!.textContent = refusal;
          form.querySelector('[data-field=file]')!.classList.add('invalid');
          return;
        }
        const data = new FormData();
        data.append('file', file!, file!.name);
        try { await upload(base, data); await load('附件已上传'); } catch (e) { showFieldErrors(form, e, messages); }
      });
      section.append(form);
    }
  };
  load();
  return section;
}
