import { parentPort, workerData } from 'node:worker_threads';
import { loadCheckedRules } from '../pipeline.js';
import { processInput } from './records.js';
import type { DocRef } from './docvars.js';

// One worker: rule packs and jieba are loaded once, then inputs are processed one message at a time.
const packs = (workerData as { packs?: string } | null)?.packs;
loadCheckedRules(packs);
// the main thread terminates a worker only once it has loaded (see runCorpus)
parentPort!.postMessage({ ready: true });
// fault injection for the tests of crash handling: a worker exits when it meets this file name
const crashOn = process.env.ZHIDU_FAULT_CRASH_ON;
parentPort!.on('message', (m: { id: number; path: string; ref: DocRef; csv: boolean } | { id: number; warm: string[] }) => {
  if ('warm' in m) {
    void (async () => {
      for (const path of m.warm) await processInput(path, packs, undefined, false);
      parentPort!.postMessage({ id: m.id, result: null });
    })();
    return;
  }
  if (crashOn && m.path.endsWith(crashOn)) process.exit(3);
  void processInput(m.path, packs, m.ref, m.csv).then((result) => parentPort!.postMessage({ id: m.id, result }));
});
