import type { Analysis } from '../pipeline.js';
import type { CompareDoc } from '../schema/compare.js';

/** A document as compare sees it: its analysis and how it is labelled in tables. */
export interface CompareInput {
  info: CompareDoc;
  analysis: Analysis;
  /** a reference text (the national law a local rule implements): local rules are marked against it */
  reference?: boolean;
}
