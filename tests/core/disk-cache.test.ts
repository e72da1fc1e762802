import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { diskCached } from '../../src/core/disk-cache.js';
import { checkInPlace } from '../../src/schema/check.js';
import { ComparisonSchema } from '../../src/schema/compare.js';

describe('values cached on disk', () => {
  it('are computed once for a key and read back the same', () => {
    const key = `test ${process.pid} ${Date.now()}`;
    let builds = 0;
    const build = () => { builds++; return { words: ['联系', '代表'], n: 3 }; };
    expect(diskCached('test', key, build)).toEqual({ words: ['联系', '代表'], n: 3 });
    expect(diskCached('test', key, build)).toEqual({ words: ['联系', '代表'], n: 3 });
    expect(builds).toBe(1);
    expect(diskCached('test', `${key} changed`, build)).toEqual({ words: ['联系', '代表'], n: 3 });
    expect(builds).toBe(2);
  });
});

describe('validation in place', () => {
  it('names the path of the first bad element without copying the value', () => {
    const schema = z.object({ rows: z.array(z.object({ n: z.number() })) });
    const value = { rows: [{ n: 1 }, { n: 2 }, { n: 'three' }] };
    expect(() => checkInPlace(schema, value)).toThrow(z.ZodError);
    try { checkInPlace(schema, value); } catch (e) { expect((e as z.ZodError).issues[0]!.path).toEqual(['rows', 2, 'n']); }
    expect(() => checkInPlace(ComparisonSchema, { zhidu: { version: '1', packs: [] } })).toThrow(/documents/);
  });
});
