import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The README's library examples run as they are written: each ```js esm / ```js pool / ```js cjs block is saved as a
// file inside the project (so `import 'zhidu'` resolves to this package by its own name) and run with node.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const block = (tag: string) => {
  const m = new RegExp('```js ' + tag + '\\n([\\s\\S]*?)\\n```').exec(readme);
  if (!m) throw new Error(`README has no \`\`\`js ${tag} block`);
  return m[1]!;
};

function runExample(code: string, ext: string): string {
  const dir = mkdtempSync(join(ROOT, '.readme-example-'));
  const file = join(dir, `example${ext}`);
  writeFileSync(file, code);
  try {
    return execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README library examples', () => {
  it('the ESM example extracts, compares and writes CSV', () => {
    const out = runExample(block('esm'), '.mjs');
    expect(out).toContain('第三章.第十条 五日内 在接到之日起');
    expect(out).toContain('代表建议答复期限');
    expect(out).toContain('matter,matter_label,topic,measure,doc_id');
  }, 60_000);

  it('the pool example runs two batches on one pool of workers', () => {
    const out = runExample(block('pool'), '.mjs');
    expect(out.trim().split('\n')).toEqual(['corpora/renda 5 0', 'corpora/regulations 48 0']);
  }, 60_000);

  it('the CommonJS example loads zhidu with a dynamic import()', () => {
    const out = runExample(block('cjs'), '.cjs');
    expect(out.trim()).toBe('长春市人民代表大会常务委员会关于进一步加强自身建设的意见 4');
  }, 60_000);
});
