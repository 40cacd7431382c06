import { outageRejectionHandler } from './outage-rejections';

describe('outageRejectionHandler', () => {
  it('reports a dropped database connection instead of ending the process', () => {
    const lines: string[] = [];
    const handle = outageRejectionHandler((line) => lines.push(line));
    const dropped = Object.assign(new Error('terminating connection due to unexpected postmaster exit'), {
      code: '57P01',
    });
    expect(() => handle(dropped)).not.toThrow();
    expect(() => handle(new Error('Connection terminated unexpectedly'))).not.toThrow();
    expect(lines).toEqual([
      'a background call to the database failed while it was unavailable (57P01); it is retried later.',
      'a background call to the database failed while it was unavailable; it is retried later.',
    ]);
  });

  it('rethrows anything else, so a real bug still ends the process with its stack', () => {
    const lines: string[] = [];
    const handle = outageRejectionHandler((line) => lines.push(line));
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(() => handle(bug)).toThrow(bug);
    const refused = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(() => handle(refused)).toThrow(refused);
    expect(lines).toEqual([]);
  });
});
