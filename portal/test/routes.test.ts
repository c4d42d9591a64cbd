import { describe, expect, it } from 'vitest';
import { defaultPageFor, menuFor, parseRoute } from '../src/routes';

const pages = (roles: string[]) => menuFor(roles).map(([hash]) => hash);

describe('routing by role', () => {
  it('sends each role to its first page', () => {
    expect(defaultPageFor(['info-room'])).toBe('#/inbox');
    expect(defaultPageFor(['reporter'])).toBe('#/items');
    expect(defaultPageFor(['unit-leader'])).toBe('#/sign-off');
    expect(defaultPageFor(['viewer'])).toBe('#/rankings');
    expect(defaultPageFor(['admin'])).toBe('#/rankings');
    expect(defaultPageFor(['reporter', 'info-room'])).toBe('#/inbox');
  });

  it('gives a reporter the unit pages and none of the room pages', () => {
    const p = pages(['reporter']);
    expect(p).toEqual(expect.arrayContaining(['#/items', '#/items/new', '#/overview', '#/statistics', '#/filings', '#/circulars']));
    expect(p).not.toContain('#/inbox');
    expect(p).not.toContain('#/units');
    expect(p).not.toContain('#/rankings');
  });

  it('gives the room its inbox, units, rankings, statistics, filings and circulars', () => {
    expect(pages(['info-room'])).toEqual(['#/inbox', '#/commissions', '#/progress', '#/units', '#/rankings',
      '#/statistics', '#/filings', '#/circulars']);
  });

  it('gives the administrator unit management but not the inbox', () => {
    const p = pages(['admin']);
    expect(p).toContain('#/units');
    expect(p).not.toContain('#/inbox');
  });

  it('lists a page once for a person with two roles', () => {
    const p = pages(['reporter', 'unit-leader']);
    expect(p.filter((h) => h === '#/items')).toHaveLength(1);
    expect(p).toContain('#/sign-off');
  });

  it('reads page, argument and query from the hash', () => {
    const r = parseRoute('#/circulars/QUARTERLY-2026-Q4-v1?x=1');
    expect(r.page).toBe('circulars');
    expect(r.arg).toBe('QUARTERLY-2026-Q4-v1');
    expect(r.query.get('x')).toBe('1');
    const s = parseRoute('#/statistics?period=2026-Q3&unitId=U006');
    expect(s.page).toBe('statistics');
    expect(s.arg).toBeUndefined();
    expect(s.query.get('unitId')).toBe('U006');
    expect(parseRoute('').page).toBe('');
  });
});
