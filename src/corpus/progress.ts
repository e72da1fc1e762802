import type { IO } from '../cli/io.js';

/** A progress bar on a terminal, a plain line every few seconds otherwise, nothing when quiet. */
export class Progress {
  private last = 0;
  private readonly start = Date.now();
  constructor(private io: IO, private total: number, private quiet: boolean) {}

  update(done: number, errors: number, final = false): void {
    if (this.quiet) return;
    const now = Date.now();
    const tty = Boolean(this.io.isTTY);
    if (!final && now - this.last < (tty ? 100 : 5000)) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const fmt = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
    const stats = `${done}/${this.total} docs  ${rate.toFixed(1)} docs/s  ETA ${fmt(eta)}  errors ${errors}`;
    if (tty) {
      const width = 24;
      const fill = this.total ? Math.round((done / this.total) * width) : width;
      this.io.stderr(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${stats}${final ? '\n' : ''}`);
    } else {
      this.io.stderr(`zhidu corpus: ${stats}\n`);
    }
  }
}
