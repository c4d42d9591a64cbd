import { describe, expect, it } from 'vitest';
import { circularLabel } from '../src/pages/circulars';
import { activeMenu, defaultPageFor, menuFor } from '../src/routes';

const pages = (roles: string[]) => menuFor(roles).map(([hash]) => hash);

describe('routing by role', () => {
  it('opens 首页 with what waits for the person, whatever the role', () => {
    for (const roles of [['info-room'], ['reporter'], ['unit-leader'], ['viewer'], ['admin'], ['reporter', 'info-room']]) {
      expect(defaultPageFor(roles)).toBe('#/home');
      expect(pages(roles)[0]).toBe('#/home');
    }
  });

  it('gives a reporter the unit pages and none of the room pages', () => {
    const p = pages(['reporter']);
    expect(p).toEqual(expect.arrayContaining(['#/items', '#/items/new', '#/overview', '#/statistics', '#/filings', '#/circulars']));
    expect(p).not.toContain('#/inbox');
    expect(p).not.toContain('#/units');
    expect(p).not.toContain('#/imports');
    expect(p).not.toContain('#/rankings');
  });

  it('gives the room its inbox, 代录, units, history imports, the audit list, adoptions, rankings, commission statistics, statistics, filings and circulars', () => {
    expect(pages(['info-room'])).toEqual(['#/home', '#/inbox', '#/items/on-behalf', '#/commissions', '#/progress', '#/units', '#/imports', '#/audit',
      '#/adoptions', '#/rankings', '#/commissions/statistics', '#/statistics', '#/policies', '#/filings', '#/circulars']);
  });

  it('gives the adoption records to those who may read them all, and not to a unit', () => {
    for (const role of ['info-room', 'viewer', 'admin']) expect(pages([role])).toContain('#/adoptions');
    expect(pages(['reporter', 'unit-leader'])).not.toContain('#/adoptions');
    expect(activeMenu('#/adoptions/overdue', pages(['viewer']))).toBe('#/adoptions');
  });

  it('gives the administrator unit management but not the inbox', () => {
    const p = pages(['admin']);
    expect(p).toContain('#/units');
    expect(p).toContain('#/imports');
    expect(p).not.toContain('#/inbox');
  });

  it('gives 办理记录 of every item to the room and the administrator only', () => {
    expect(menuFor(['info-room'])).toContainEqual(['#/audit', '办理记录']);
    expect(menuFor(['admin'])).toContainEqual(['#/audit', '办理记录']);
    for (const role of ['reporter', 'unit-leader', 'viewer']) expect(pages([role]), role).not.toContain('#/audit');
  });

  it('lists a page once for a person with two roles', () => {
    const p = pages(['reporter', 'unit-leader']);
    expect(p.filter((h) => h === '#/items')).toHaveLength(1);
    expect(p).toContain('#/sign-off');
  });

  it('marks the menu entry a page belongs to', () => {
    const menu = menuFor(['reporter']).map(([h]) => h);
    expect(activeMenu('#/items/new', menu)).toBe('#/items/new');
    expect(activeMenu('#/items/I1', menu)).toBe('#/items');
    expect(activeMenu('#/statistics?period=2026-Q4', menu)).toBe('#/statistics');
    expect(activeMenu('#/circulars/QUARTERLY-2026-Q4-v1', menu)).toBe('#/circulars');
    expect(activeMenu('#/inbox', menu)).toBeUndefined();
  });
});

describe('circular names', () => {
  it('names a circular in review by its period and version rather than its id', () => {
    expect(circularLabel('QUARTERLY-2026-Q4-v1')).toBe('2026年第四季度通报（第1版）');
    expect(circularLabel('ANNUAL-2025-v2')).toBe('2025年度考评（第2版）');
    expect(circularLabel('something-else')).toBe('something-else');
  });
});
