import type { OffsetMap } from './offset-map.js';
import type { Rules } from '../packs/index.js';
import type { Diagnostic } from '../schema/document.js';

/**
 * What the stages share while one document flows through the pipeline: the source text, its normalised
 * view (stages read `norm` and map their spans back through `map`), the rules, and collected diagnostics.
 */
export interface Context {
  text: string;
  map: OffsetMap;
  norm: string;
  rules: Rules;
  diagnostics: Diagnostic[];
}
