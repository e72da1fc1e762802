import type { ZhiduDocument } from '../schema/document.js';
import { mdCell as cell, quantityText } from './quantity-text.js';


/** A readable summary of one document for a person: metadata, outline, rules, statistics, slogans. */
export function documentToMarkdown(doc: ZhiduDocument): string {
  const m = doc.meta;
  const out: string[] = [];
  out.push(`# ${m.title ?? doc.source.name}`, '');
  out.push('| field | value |', '|---|---|');
  const rows: [string, string][] = [
    ['source', `${doc.source.name} (${doc.source.format}, ${doc.source.encoding}, ${doc.source.bytes} bytes)`],
    ['issuer', m.issuer ?? '—'],
    ['place', m.place.name ? `${m.place.name} (${m.place.level ?? '?'})` : m.place.redacted ? 'redacted' : '—'],
    ['type', m.docType + (m.draft ? ' (draft)' : '')],
    ['adopted', m.adoptedOn ?? '—'],
    ['amended', m.amendedOn.join(', ') || '—'],
    ['in force', m.effectiveOn ?? '—'],
    ['published', m.publishedOn ?? '—'],
    ['session', m.session ?? '—'],
  ];
  for (const [k, v] of rows) out.push(`| ${k} | ${cell(v)} |`);
  out.push('');
  if (doc.structure.length) {
    out.push('## Structure', '');
    for (const s of doc.structure) {
      if (s.type === 'article') { out.push(`- ${cell(s.heading)}`); continue; }
      out.push(`- **${cell(s.heading)}** (${s.articles.length} articles)`);
      for (const a of s.articles) out.push(`  - ${cell(a.heading)}`);
    }
    out.push('');
  }
  out.push(`## Obligations (${doc.obligations.length})`, '');
  if (doc.obligations.length) {
    out.push('| article | topic | actor | modality | quantity | measure | per | period | from | clause |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const o of doc.obligations) {
      const modality = `${o.modality}${o.hedged ? ', hedged' : ''}${o.cue ? ` (${o.cue.text})` : ''}`;
      out.push(`| ${cell(o.article)} | ${o.topic} | ${cell(o.actor?.text)} | ${modality} | ${cell(quantityText(o.quantity)) || (o.frequency ? `${o.frequency} (frequency only)` : '')} | ${o.quantity?.measure ?? ''} | ${o.per ?? ''} | ${o.period ?? ''} | ${cell(o.from?.text)} | ${cell(o.text)} |`);
    }
    out.push('');
  }
  out.push(`## Statistics (${doc.statistics.length})`, '');
  if (doc.statistics.length) {
    out.push('| topic | action | metric | quantity | period | clause |', '|---|---|---|---|---|---|');
    for (const s of doc.statistics) {
      out.push(`| ${s.topic} | ${cell(s.action)} | ${cell(s.metric)} | ${cell(quantityText(s.quantity))}${s.duplicate ? ' (repeated)' : ''} | ${cell(s.period)} | ${cell(s.text)} |`);
    }
    out.push('');
  }
  if (doc.namedNumbers.length) {
    out.push(`## Named numbers (${doc.namedNumbers.length})`, '', [...new Set(doc.namedNumbers.map((n) => n.text))].join(' · '), '');
  }
  if (doc.boilerplate.length) {
    out.push(`## Boilerplate (${doc.boilerplate.length})`, '');
    for (const b of doc.boilerplate) out.push(`- ${b.reason}: ${cell(b.text).slice(0, 60)}`);
    out.push('');
  }
  if (doc.diagnostics.length) {
    out.push('## Diagnostics', '');
    for (const d of doc.diagnostics) out.push(`- ${d.severity} ${d.code}: ${cell(d.message)}`);
    out.push('');
  }
  return out.join('\n');
}
