// Library API: re-exports only.
export { extractFile, analyseFile, analyseBytes, analyseIngested } from './pipeline.js';
export type { Analysis, ProcessOptions } from './pipeline.js';
export { ingestFile, ingestBytes } from './ingest/index.js';
export { loadRules, DEFAULT_PACK_DIR, PackError } from './packs/index.js';
export { ZhiduError, EXIT_CODES } from './core/errors.js';
export { OffsetMap } from './core/offset-map.js';
export { parseCnNumber } from './core/cn-number.js';
export { documentJsonSchema } from './schema/json-schema.js';
export * from './schema/document.js';
export { documentToMarkdown } from './render/markdown.js';
export { quantityText } from './render/quantity-text.js';
export { compare, describe as describeForCompare, expandInputs, ruleNormal } from './compare/index.js';
export type { CompareInput, CompareOptions } from './compare/index.js';
export * from './schema/compare.js';
export { comparisonToMarkdown, comparisonToCsv, comparisonToHtml } from './render/compare.js';
export { run } from './cli/run.js';
export { VERSION } from './version.js';
