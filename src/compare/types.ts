import type { Analysis } from '../pipeline.js';
import type { CompareDoc } from '../schema/compare.js';

/** A document as compare sees it: its analysis and how it is labelled in tables. */
export interface CompareInput { info: CompareDoc; analysis: Analysis }
