import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../src/schema/json-schema.js';

type Node = Record<string, unknown>;

/** Every property of the JSON Schema whose description is missing (on itself or on the definition it names). */
function undescribed(schema: Node): string[] {
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const described = (v: Node): boolean => {
    if (typeof v.description === 'string' && v.description) return true;
    if (typeof v.$ref === 'string') return described(defs[v.$ref.split('/').pop()!] ?? {});
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(v[k]) && (v[k] as Node[]).some(described)) return true;
    return false;
  };
  const missing: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
      if (!described(v)) missing.push(`${path}.${k}`);
      walk(v, `${path}.${k}`);
    }
    for (const k of ['items', 'prefixItems', 'anyOf', 'oneOf', 'allOf']) {
      const c = n[k];
      if (Array.isArray(c)) c.forEach((x) => walk(x, `${path}[]`));
      else if (c) walk(c, `${path}[]`);
    }
  };
  walk(schema, '');
  for (const [name, d] of Object.entries(defs)) walk(d, name);
  return missing;
}

describe('the JSON Schema a researcher reads', () => {
  it('describes every field of the document model', () => {
    expect(undescribed(documentJsonSchema())).toEqual([]);
  });
});
