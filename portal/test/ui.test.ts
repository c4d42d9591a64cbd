import { describe, expect, it, vi } from 'vitest';
import {
  beijingInputToIso, beijingLocalInput, dataTable, el, percent, pressOnly,
} from '../src/ui';

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
