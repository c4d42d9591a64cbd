// The period picker: the services' codes ⇄ the periods people read, and a choice never later than this month.
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { changeKind, monthsEnding, parsePeriod, periodCode, periodLabel } from '../src/pages/period';
import PeriodPicker from '../src/pages/PeriodPicker.vue';

describe('period codes and labels', () => {
  it.each([
    ['2026-Q4', '2026年第四季度'], ['2026-Q1', '2026年第一季度'], ['2026-07', '2026年7月'], ['2026-12', '2026年12月'],
    ['2026', '2026年'],
  ])('%s reads as %s and back', (code, label) => {
    expect(periodLabel(code)).toBe(label);
    expect(periodCode(parsePeriod(code)!)).toBe(code);
  });

  it.each(['2026-Q5', '2026-13', '2026-7', '26-Q1', 'Q4', ''])('does not read %j as a period', (code) => {
    expect(parsePeriod(code)).toBeNull();
    expect(periodLabel(code)).toBe(code);
  });

  it('switches kind to the period that holds the last month, never one still to come', () => {
    expect(changeKind('2026-Q3', 'month', '2026-11')).toBe('2026-09');
    expect(changeKind('2026', 'quarter', '2026-11')).toBe('2026-Q4');
    expect(changeKind('2026', 'month', '2026-11')).toBe('2026-11');
    expect(changeKind('2025', 'quarter', '2026-11')).toBe('2025-Q4');
    expect(changeKind('2026-05', 'quarter', '2026-11')).toBe('2026-Q2');
    expect(changeKind('2026-05', 'year', '2026-11')).toBe('2026');
  });

  it('counts months back across a new year', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('PeriodPicker', () => {
  const picker = (modelValue: string) => mount(PeriodPicker, { props: { modelValue, today: '2026-11' } });

  it('shows a quarter as its year and 第三季度', async () => {
    const w = picker('2026-Q3');
    await flushPromises();
    expect(w.get('input[aria-label=年份]').element).toHaveProperty('value', '2026年');
    expect(w.find('input[aria-label=月份]').exists()).toBe(false);
    expect(w.get('.quarter').text()).toContain('第三季度');
  });

  it('answers the code the services read when the kind changes', async () => {
    const w = picker('2026-Q3');
    await w.findAll('input[type=radio]').find((r) => (r.element as HTMLInputElement).value === 'month')!.setValue(true);
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual(['2026-09']);
  });

  it('shows a month as 2026年7月', () => {
    expect(picker('2026-07').get('input[aria-label=月份]').element).toHaveProperty('value', '2026年7月');
  });
});
