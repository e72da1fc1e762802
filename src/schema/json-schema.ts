import { z } from 'zod';
import { DocumentSchema, ErrorRecordSchema } from './document.js';

/** JSON Schema of the document model, generated from the zod schema (the single source of the types). */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export function errorRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ErrorRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
