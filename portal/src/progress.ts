/** The quota progress answered by intake (GET /api/intake/quota-progress): the quota is scoring's policy. */
export interface UnitProgress { unitId: string; unitName: string; group: number | null; received: number; quota: number | null; shortfall: number | null }

/** A unit's line of the month: against its quota, or — when the month has none — the received count and why. */
export function quotaSentence(u: UnitProgress, note: string | null | undefined): string {
  if (u.quota == null) {
    return `已被接收 ${u.received} 条。${note ?? '本月本单位不设基础条数'}`;
  }
  return `已被接收 ${u.received} 条 / 基础条数 ${u.quota} 条` + ((u.shortfall ?? 0) > 0 ? `，还差 ${u.shortfall} 条` : '，已完成');
}

/** A quota or shortfall cell: a dash where the month has no quota. */
export function quotaCell(v: number | null | undefined): string | number {
  return v ?? '—';
}
