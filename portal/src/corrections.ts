// The room's corrections of an item's classification (category, 重大事件 / 重大紧急, topics), with a reason:
// the form the room fills in (when receiving or later) and the record the unit reads (修改记录).
import { post } from './api';
import { CATEGORY, TOPIC, banner, clearErrors, el, field, fmtTime, personName, options, showFieldErrors } from './ui';

export interface Classification {
  category: string; categoryLabel?: string; majorEvent: boolean; majorEmergency: boolean; topics: string[];
}
export interface Correction {
  revision: number; before: Classification; after: Classification; changes: string[]; reason: string;
  by: string; byName?: string; at: string;
}
/** What the API takes: only what differs from the item's classification now, and the reason. */
export interface CorrectionBody {
  category?: string; majorEvent?: boolean; majorEmergency?: boolean; topics?: string[]; reason: string;
}

/** One line per correction as the unit reads it: 类别 由「动态类」改为「问题类」，理由：…（时间） */
export function correctionLine(c: Correction): string {
  return `${c.changes.join('；')}，理由：${c.reason}`;
}

/**
 * The body of a correction from what the room chose, or the Chinese reasons it cannot be sent (the service checks
 * the same; this spares a round trip).
 */
export function correctionBody(now: Classification, category: string, majorEvent: boolean, majorEmergency: boolean,
                               topics: string[], reason: string): { body: CorrectionBody | null; errors: string[] } {
  const body: CorrectionBody = { reason: reason.trim() };
  if (category && category !== now.category) body.category = category;
  if (majorEvent !== now.majorEvent) body.majorEvent = majorEvent;
  if (majorEmergency !== now.majorEmergency) body.majorEmergency = majorEmergency;
  const same = topics.length === now.topics.length && topics.every((t) => now.topics.includes(t));
  if (!same) body.topics = topics;
  const errors: string[] = [];
  if (Object.keys(body).length === 1) errors.push('没有需要更正的内容');
  if (body.reason === '') errors.push('更正时必须填写理由');
  return { body: errors.length ? null : body, errors };
}

/** The record of corrections (修改记录) shown with the item to everyone who sees it. */
export function correctionsSection(corrections: Correction[]) {
  if (!corrections?.length) return null;
  return el('section', { className: 'card', id: 'corrections' }, el('h2', {}, '修改记录（信息室更正）'),
    el('ol', {}, ...corrections.map((c) => el('li', {}, correctionLine(c),
      el('div', { className: 'muted' }, `${c.byName ?? personName(c.by)} · ${fmtTime(c.at)}`)))));
}

/**
 * The room's form: posts to `/receive` with `{correction}` (receiving and correcting in one step) or to `/correct`.
 */
export function correctionForm(itemId: string, now: Classification, receiving: boolean, done: () => void) {
  const topicBoxes = Object.entries(TOPIC).map(([v, t]) => el('label', { className: 'check' },
    el('input', { type: 'checkbox', name: 'topics', value: v, checked: now.topics.includes(v) }), t));
  const form = el('form', { id: 'correction-form', className: 'inline-form' },
    el('h3', {}, receiving ? '接收并更正' : '更正分类'),
    field('category', '类别 *', el('select', { id: 'c-category', name: 'category' }, ...options(CATEGORY, now.category))),
    field('majorEvent', '重大事件', el('input', { id: 'c-major-event', name: 'majorEvent', type: 'checkbox', checked: now.majorEvent })),
    field('majorEmergency', '重大紧急类', el('input', { id: 'c-major-emergency', name: 'majorEmergency', type: 'checkbox', checked: now.majorEmergency })),
    field('topics', '报送重点', el('div', { id: 'c-topics' }, ...topicBoxes)),
    field('reason', '更正理由 *', el('textarea', { id: 'c-reason', name: 'reason', rows: 2 }), '报送单位可以看到理由'),
    el('button', { type: 'submit', className: 'primary', id: 'send-correction' }, receiving ? '接收并更正' : '更正'));
  const messages = el('div');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form, messages);
    const d = new FormData(form);
    const { body, errors } = correctionBody(now, String(d.get('category') ?? ''), d.get('majorEvent') !== null,
      d.get('majorEmergency') !== null, d.getAll('topics').map(String), String(d.get('reason') ?? ''));
    if (!body) { messages.replaceChildren(banner(errors.join('；'))); return; }
    try {
      await post(`/api/intake/items/${itemId}/${receiving ? 'receive' : 'correct'}`, receiving ? { correction: body } : body);
      done();
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return el('div', {}, messages, form);
}
