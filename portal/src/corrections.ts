// The room's corrections of an item's classification (category, 重大事件 / 重大紧急, topics), with a reason:
// the form the room fills in (when receiving or later) and the record the unit reads (修改记录).

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
