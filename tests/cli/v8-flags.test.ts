import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// flags are process-wide: each case runs in a child process of its own
const probe = (env: Record<string, string | undefined>) => {
  const code = `const m = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'v8-flags.js'))});
    const applied = m.applyV8Flags();
    let natives = true;
    try { eval('%IsBeingInterpreted()'); } catch { natives = false; }
    console.log(JSON.stringify({ applied, natives }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(r.stdout) as { applied: string; natives: boolean };
};

describe('the V8 flags of the CLI', () => {
  it('are a smaller TurboFan inlining budget unless ZHIDU_V8_FLAGS says otherwise', () => {
    expect(probe({ ZHIDU_V8_FLAGS: undefined })).toEqual({ applied: '--max-inlined-bytecode-size-cumulative=250', natives: false });
  });

  it('are replaced by ZHIDU_V8_FLAGS, and take effect for code compiled afterwards', () => {
    expect(probe({ ZHIDU_V8_FLAGS: '--allow-natives-syntax' })).toEqual({ applied: '--allow-natives-syntax', natives: true });
    expect(probe({ ZHIDU_V8_FLAGS: '' })).toEqual({ applied: '', natives: false });
  });
});
