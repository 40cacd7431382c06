import { spawnSync } from 'node:child_process';
import { V8_FLAGS } from './v8-tuning';

const stderrOf = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8' }).stderr;

describe('V8 tuning', () => {
  it('names only flags this Node accepts (V8 reports an unknown one on stderr and ignores it)', () => {
    const script = `const v8 = require('node:v8'); for (const f of JSON.parse(process.argv[1])) v8.setFlagsFromString(f); process.stderr.write('done');`;
    const stderr = stderrOf(script, JSON.stringify(V8_FLAGS));
    expect(V8_FLAGS.length).toBeGreaterThan(0);
    expect(stderr).toBe('done');
  });

  it('rejects a misspelt flag the same way, so the check above can fail', () => {
    const script = `require('node:v8').setFlagsFromString('--no-allocation-site-pretenurin'); process.stderr.write('done');`;
    const stderr = stderrOf(script);
    expect(stderr).toMatch(/unrecognized flag/);
  });
});
