import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Problem } from '../src/api';
import {
  beijingInputToIso, beijingLocalInput, dataTable, el, field, percent, pressOnly, showFieldErrors,
} from '../src/ui';

function form() {
  return el('form', {}, field('title', '标题', el('input', { id: 'f-title' })), field('contactPhone', '联系电话', el('input', { id: 'f-phone' })));
}

describe('field errors', () => {
  // jsdom does no layout; the page scrolls the first invalid field into view
  beforeAll(() => { Element.prototype.scrollIntoView = vi.fn(); });

  it('puts each message beside its own field and marks the field invalid', () => {
    const f = form();
    const messages = el('div');
    showFieldErrors(f, new Problem(400, '信息内容不完整', '', 'item.invalid',
      [{ field: 'contactPhone', message: '请填写联系电话' }]), messages);
    expect(f.querySelector('#err-contactPhone')!.textContent).toBe('请填写联系电话');
    expect(f.querySelector('[data-field=contactPhone]')!.classList.contains('invalid')).toBe(true);
    expect(f.querySelector('#err-title')!.textContent).toBe('');
    expect(f.querySelector('[data-field=title]')!.classList.contains('invalid')).toBe(false);
    expect(messages.textContent).toBe('请按提示修改标红的内容。');
  });

  it('finds the slot of a field in a form whose ids carry a scope (one answer form per objection)', () => {
    const f = el('form', {}, field('reply', '答复意见', el('textarea', {}), undefined, 'O1'));
    showFieldErrors(f, new Problem(400, '错误', '', undefined, [{ field: 'reply', message: '请填写复核答复意见' }]), el('div'));
    expect(f.querySelector('#err-O1-reply')!.textContent).toBe('请填写复核答复意见');
  });

  it('joins two messages for one field', () => {
    const f = form();
    showFieldErrors(f, new Problem(400, '错误', '', undefined,
      [{ field: 'title', message: '请填写标题' }, { field: 'title', message: '标题不超过200字' }]), el('div'));
    expect(f.querySelector('#err-title')!.textContent).toBe('请填写标题；标题不超过200字');
  });

  it('shows a message for a field the form does not have as a banner', () => {
    const f = form();
    const messages = el('div');
    showFieldErrors(f, new Problem(400, '信息内容不完整', '约稿任务已截止', undefined,
      [{ field: 'commissionId', message: '约稿任务已截止' }]), messages);
    expect(messages.querySelector('.banner.error')!.textContent).toBe('信息内容不完整：约稿任务已截止');
  });

  it('shows a rule violation without fields as a banner', () => {
    const messages = el('div');
    showFieldErrors(form(), new Problem(409, '复核期尚未结束，不能发布', '', 'circular.review-still-open', []), messages);
    expect(messages.querySelector('[role=alert]')!.textContent).toBe('复核期尚未结束，不能发布');
  });
});

describe('responsive table', () => {
  it('labels every cell with its header for the phone layout', () => {
    const t = dataTable<{ a: string; b: number }>([['单位', (r) => r.a], ['接收', (r) => r.b, 'received']],
      [{ a: '教体局', b: 3 }], (r) => ({ 'data-unit': r.a }));
    const cells = [...t.querySelectorAll('td')];
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['单位', '接收']);
    expect(cells[1].className).toBe('received');
    expect(t.querySelector('tr[data-unit=教体局]')).not.toBeNull();
  });

  it('says so when there is nothing to list', () => {
    expect(dataTable([['单位', () => '']], [], () => ({}), {}, '暂无通报。').textContent).toBe('暂无通报。');
  });

  it('inserts server text as text, never as markup', () => {
    const t = dataTable<string>([['标题', (r) => r]], ['<img src=x onerror=alert(1)>']);
    expect(t.querySelector('img')).toBeNull();
    expect(t.querySelector('td')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Beijing time inputs', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(beijingInputToIso('2026-12-03T18:00')).toBe('2026-12-03T10:00:00.000Z');
    expect(beijingInputToIso('2026-12-03T18:00:30')).toBe('2026-12-03T10:00:30.000Z');
    expect(beijingInputToIso('')).toBeNull();
    expect(beijingInputToIso('morgen')).toBeNull();
  });

  it('writes an instant as a Beijing datetime-local value', () => {
    expect(beijingLocalInput(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30');
  });

  it('shows a share as a percentage with one decimal, and nothing for no share', () => {
    expect(percent(0.3333)).toBe('33.3%');
    expect(percent(null)).toBe('—');
  });
});

describe('what a screen reader hears', () => {
  it('a filter button pressed is the only one pressed and active', () => {
    const group = el('div', { role: 'group' }, el('button', { 'aria-pressed': 'true', className: 'active' }, '全部'),
      el('button', { 'aria-pressed': 'false' }, '草稿'));
    const [all, drafts] = [...group.querySelectorAll('button')];
    pressOnly(group, drafts);
    expect([all.getAttribute('aria-pressed'), drafts.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    expect([all.classList.contains('active'), drafts.classList.contains('active')]).toEqual([false, true]);
  });
});

describe('people by name', () => {
  it('shows the name of who signed in for a login name the services recorded, the login name otherwise', async () => {
    const { knowPeople, personName } = await import('../src/ui');
    knowPeople({ 'room-editor': '孙涛' });
    expect(personName('room-editor')).toBe('孙涛');
    expect(personName('import-2024')).toBe('import-2024');
    expect(personName(null)).toBe('');
    knowPeople({});
  });
});

describe('导出 Excel of a shown list', () => {
  const table = () => {
    document.body.innerHTML = '<table id="t"><thead><tr><th>单位</th><th>接收</th><th>忧占比</th><th>操作</th></tr></thead>'
      + '<tbody><tr><td><a href="#/units/U006">发改委</a> <span>疑似\n重复</span></td><td>12</td><td>8.3%</td><td><a>修改</a></td></tr>'
      + '<tr><td>住建局</td><td>-2</td><td>—</td><td><a>修改</a></td></tr></tbody></table>';
    return document.getElementById('t') as HTMLTableElement;
  };

  it('takes the header and the texts people see, whole numbers as numbers, and leaves out the buttons', async () => {
    const { tableRows } = await import('../src/ui');
    expect(tableRows(table())).toEqual({
      header: ['单位', '接收', '忧占比'],
      rows: [['发改委 疑似 重复', 12, '8.3%'], ['住建局', -2, '—']],
    });
  });

  it('saves the table as a workbook named after the list', async () => {
    const { exportButton } = await import('../src/ui');
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const t = table();
    (exportButton('报送单位', () => t) as HTMLButtonElement).click();
    await vi.waitFor(() => expect(saved).toEqual(['报送单位.xlsx']));
    click.mockRestore();
  });
});
