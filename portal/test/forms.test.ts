import { describe, expect, it } from 'vitest';
import { ATTACHMENT_RULES, checkAttachment } from '../src/attachments';
import { checkFilingFile } from '../src/pages/filingRecords';
import { keepEnterInTheForm } from '../src/items';
import { membershipText, unitChange } from '../src/pages/unitDirectory';
import { correctionBody, correctionLine } from '../src/corrections';

const MB = 1024 * 1024;

describe('attachment limits before the upload', () => {
  it('lets documents up to 10 MB and images up to 5 MB through', () => {
    expect(checkAttachment('通报.PDF', 10 * MB, 0)).toBeNull();
    expect(checkAttachment('现场.jpg', 5 * MB, 9)).toBeNull();
  });

  it('refuses a larger file in Chinese with its size', () => {
    expect(checkAttachment('现场.png', 5 * MB + 1, 0)).toBe('图片不能超过 5 MB（此文件 5.0 MB）');
    expect(checkAttachment('材料.docx', 12 * MB, 0)).toBe('文档不能超过 10 MB（此文件 12.0 MB）');
  });

  it('refuses other types, empty files and the eleventh file', () => {
    expect(checkAttachment('run.exe', 10, 0)).toContain('只能是');
    expect(checkAttachment('无扩展名', 10, 0)).toContain('只能是');
    expect(checkAttachment('a.pdf', 0, 0)).toBe('附件为空');
    expect(checkAttachment('a.pdf', 10, ATTACHMENT_RULES.perItem)).toBe('每条信息最多 10 个附件');
  });

  it('takes only documents for a filing', () => {
    expect(checkFilingFile('制度.wps', 1000)).toBeNull();
    expect(checkFilingFile('制度.png', 1000)).toBe('备案材料应为 PDF、Word 或 WPS 文档');
  });
});

describe('unit edit', () => {
  const unit = { unitId: 'U006', name: '旗发改委', group: 2, active: true };

  it('sends only what changed', () => {
    expect(unitChange(unit, ' 旗发展和改革委员会 ', '2', true)).toEqual({ change: { name: '旗发展和改革委员会' }, errors: [] });
    expect(unitChange(unit, '旗发改委', '3', false)).toEqual({ change: { group: 3, active: false }, errors: [] });
    expect(unitChange(unit, '旗发改委', '2', true).change).toEqual({});
  });

  it('keeps a group that is not a whole number for the field, and sends nothing for it', () => {
    const r = unitChange(unit, '旗发改委', '二', true);
    expect(r.errors).toEqual([{ field: 'group', message: '组别应为整数，如 2' }]);
    expect(r.change.group).toBeUndefined();
  });
});

describe('unit membership in the unit admin page', () => {
  const unit = { unitId: 'U006', name: '旗发改委', group: 2, active: true };

  it('sends the effective month with a move or a leave, not with a rename alone', () => {
    expect(unitChange(unit, '旗发改委', '3', true, '2026-07')).toEqual({ change: { group: 3, fromMonth: '2026-07' }, errors: [] });
    expect(unitChange(unit, '旗发改委', '2', false, '2026-10')).toEqual({ change: { active: false, fromMonth: '2026-10' }, errors: [] });
    expect(unitChange(unit, '发改委', '2', true, '2026-10')).toEqual({ change: { name: '发改委' }, errors: [] });
  });

  it('keeps a month that is not a month for the field', () => {
    expect(unitChange(unit, '旗发改委', '3', true, '2026/7').errors)
      .toEqual([{ field: 'fromMonth', message: '生效月份格式应为 2026-07' }]);
  });

  it('shows every span with its group and months', () => {
    expect(membershipText([{ group: 2, fromMonth: '2022-07', untilMonth: '2026-07' }, { group: 3, fromMonth: '2026-07' }]))
      .toBe('第二组 2022年7月—2026年6月；第三组 2026年7月起');
    expect(membershipText([{ group: 1, fromMonth: '2023-01', untilMonth: '2024-01' }])).toBe('第一组 2023年1月—2023年12月');
    expect(membershipText(undefined)).toBe('—');
  });
});

describe('the room corrects an item', () => {
  const now = { category: 'DYNAMIC', majorEvent: false, majorEmergency: false, topics: ['DEEPENING_REFORM'] };

  it('sends only what differs, with the reason', () => {
    expect(correctionBody(now, 'PROBLEM', false, false, ['DEEPENING_REFORM'], ' 应为问题信息 '))
      .toEqual({ body: { category: 'PROBLEM', reason: '应为问题信息' }, errors: [] });
    expect(correctionBody(now, 'DYNAMIC', false, true, ['LIVELIHOOD'], '属突发事件'))
      .toEqual({ body: { majorEmergency: true, topics: ['LIVELIHOOD'], reason: '属突发事件' }, errors: [] });
  });

  it('refuses in Chinese a correction without a reason or without a change', () => {
    expect(correctionBody(now, 'DYNAMIC', false, false, ['DEEPENING_REFORM'], '')).toEqual(
      { body: null, errors: ['没有需要更正的内容', '更正时必须填写理由'] });
  });

  it('tells the unit what changed and why', () => {
    expect(correctionLine({ revision: 1, before: { ...now }, after: { ...now, category: 'PROBLEM' },
      changes: ['类别 由「动态类」改为「问题类」'], reason: '反映问题并提出对策', by: 'room', at: '2026-07-12T06:20:00Z' }))
      .toBe('类别 由「动态类」改为「问题类」，理由：反映问题并提出对策');
  });
});

describe('Enter in the item form', () => {
  const form = () => {
    document.body.innerHTML = '<form><input id="t" name="title"><input id="c" type="checkbox">'
      + '<textarea id="b"></textarea><button id="s" type="submit">保存草稿</button></form>';
    const f = document.querySelector('form')!;
    keepEnterInTheForm(f);
    return f;
  };
  const enter = (id: string, isComposing = false) => {
    const ev = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing });
    document.getElementById(id)!.dispatchEvent(ev);
    return ev.defaultPrevented;
  };

  it('does not save a half-written draft from the title', () => {
    form();
    expect(enter('t')).toBe(true);
  });

  it('still lets Enter confirm an input method’s composition, start a new line in the body and press a button', () => {
    form();
    expect(enter('t', true)).toBe(false);
    expect(enter('b')).toBe(false);
    expect(enter('s')).toBe(false);
  });
});
