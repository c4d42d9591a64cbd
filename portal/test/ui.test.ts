import { describe, expect, it } from 'vitest';
import { beijingInputToIso, beijingLocalInput, percent } from '../src/ui';

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
