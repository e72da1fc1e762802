import { z } from 'zod';

/**
 * Validate a large value against its schema without copying it: arrays and objects are walked, and each
 * element is parsed and the copy thrown away at once. `schema.parse` would build a second comparison as
 * large as the first, which a thousand-document comparison cannot afford. Throws zod's error, with the path.
 */
export function checkInPlace(schema: z.ZodType, value: unknown, path: (string | number)[] = []): void {
  try {
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      value.forEach((v, i) => checkInPlace(schema.element as z.ZodType, v, [...path, i]));
      return;
    }
    if (schema instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const shape = schema.shape as Record<string, z.ZodType>;
      for (const [k, s] of Object.entries(shape)) checkInPlace(s, (value as Record<string, unknown>)[k], [...path, k]);
      return;
    }
    schema.parse(value);
  } catch (e) {
    if (e instanceof z.ZodError && path.length && !(e as z.ZodError & { located?: boolean }).located) {
      const located = new z.ZodError(e.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
      (located as z.ZodError & { located?: boolean }).located = true;
      throw located;
    }
    throw e;
  }
}
