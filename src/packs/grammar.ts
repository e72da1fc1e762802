import { PackError } from './read.js';

const REF = /\{([a-z][a-z0-9-]*)\}/g;

/**
 * Named patterns composed by reference, as in Recognizers-Text's language files: `{number}` in one
 * pattern stands for the pattern named `number`, or for a word list the pack builds (`lists`). A missing
 * name or a cycle is a pack error naming the file and the pattern.
 */
export function composeGrammar(file: string, patterns: Record<string, string>, lists: Record<string, string>): (name: string) => string {
  const done = new Map<string, string>();
  const expand = (name: string, trail: string[]): string => {
    const hit = done.get(name);
    if (hit !== undefined) return hit;
    if (name in lists) return lists[name]!;
    const src = patterns[name];
    if (src === undefined) throw new PackError(file, `grammar: "{${name}}" is used in "${trail[trail.length - 1]}" but is neither a pattern nor a word list`);
    if (trail.includes(name)) throw new PackError(file, `grammar: "${name}" refers to itself through ${[...trail, name].join(' → ')}`);
    const out = src.replace(REF, (_, ref: string) => expand(ref, [...trail, name]));
    done.set(name, out);
    return out;
  };
  return (name) => expand(name, []);
}
