import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../packs/index.js';
import { processInput } from './records.js';

// One worker: rule packs and jieba are loaded once, then inputs are processed one message at a time.
const packs = (workerData as { packs?: string } | null)?.packs;
loadRules(packs);
parentPort!.on('message', (m: { id: number; path: string }) => {
  void processInput(m.path, packs).then((result) => parentPort!.postMessage({ id: m.id, result }));
});
