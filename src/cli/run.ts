import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES, ERROR_DESCRIPTIONS, type ErrorCode } from '../core/errors.js';
import { PackError } from '../packs/index.js';
import { UsageError } from './out-format.js';
import { documentJsonSchema } from '../schema/json-schema.js';
import { VERSION } from '../version.js';
import { compareCommand, type CompareCliOptions } from './compare-command.js';
import { kwicCommand, type KwicCliOptions } from './kwic-command.js';
import { corpusCommand, type CorpusCliOptions } from './corpus-command.js';
import { evaluateCommand, type EvaluateOptions } from './evaluate-command.js';
import { extractCommand, type ExtractOptions } from './extract-command.js';
import { emit, processIO, type IO } from './io.js';

function exitCodeHelp(): string {
  const lines = [
    'Exit codes:',
    '  0   every input processed',
    '  1   several inputs failed for different reasons (each has its line on stderr / error record)',
    '  2   usage error (unknown option or command, bad argument)',
  ];
  for (const [code, n] of Object.entries(EXIT_CODES)) {
    if (code.startsWith('input/')) lines.push(`  ${String(n).padEnd(3)} ${code}: ${ERROR_DESCRIPTIONS[code as ErrorCode]}`);
  }
  lines.push(`  ${EXIT_CODES.internal}  internal error or invalid rule pack`);
  return lines.join('\n');
}

/** Run the CLI in-process: parse argv (without node and script), return the exit code; never calls process.exit. */
export async function run(argv: string[], io: IO = processIO): Promise<number> {
  let code: number = EXIT_CODES.ok;
  const program = new Command('zhidu')
    .description('Read Chinese local People\'s Congress documents into structured, checkable data')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', '\n' + exitCodeHelp());

  program.command('extract')
    .description('extract text, metadata, structure, obligations, statistics and named numbers from documents')
    .argument('<files...>', '.txt (UTF-8/UTF-16/GB18030), .html, .pdf or .docx files')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --out extension, else json)').choices(['json', 'jsonl', 'md']))
    .option('-o, --out <path>', 'write to a file instead of stdout; the format follows its extension')
    .option('--with-sentences', 'keep every sentence and clause span in the output (each item has its own sentence span anyway)')
    .addOption(new Option('--offsets <unit>', 'span offsets in UTF-16 code units (JavaScript) or code points (Python, R)').choices(['utf16', 'codepoint']).default('utf16'))
    .option('--packs <dir>', 'rule-pack directory (default: the bundled extractors/)')
    .action(async (files: string[], o: ExtractOptions) => {
      code = await extractCommand(files, o, io);
    })
    .addHelpText('after', '\nExamples:\n  zhidu extract corpora/regulations/21_shandong_daibiao-jianyi_2017.txt --format md\n  zhidu extract report.pdf --out report.json\n  zhidu extract -- -leading-dash.txt    (a file name that starts with a dash goes after --)');

  program.command('compare')
    .description('put documents side by side: the same rule across places (rows are matters), what a place inherited from a reference text and changed, changes between versions, statistics, similarity, text reuse, section themes')
    .argument('<inputs...>', 'files, or corpus folders (a manifest.json there names and labels the documents)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --out extension, else md)').choices(['md', 'json', 'jsonl', 'csv', 'html']))
    .option('--reference <files...>', 'reference texts (e.g. the national law a local rule implements): each local rule is marked inherited, changed or local')
    .option('--versions <ids...>', 'two document ids (or file names) to list the changes between, old then new; versions with the same title are also found from the metadata')
    .option('--matters <list>', 'only these matters (comma-separated ids from extractors/matters/matters.yaml)')
    .option('--where <variable=value...>', 'only the documents whose manifest variables match, e.g. family=daibiao-jianyi')
    .option('--topics <list>', 'only these topics in the topic table (comma-separated ids from extractors/topics/topics.yaml)')
    .option('--full-reuse', 'list every reused passage, not only the per-pair summary and the recurring formulas')
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark (it is there by default, for Excel and WPS)')
    .option('-o, --out <path>', 'write to a file instead of stdout; the format follows its extension')
    .option('--packs <dir>', 'rule-pack directory')
    .action(async (inputs: string[], o: CompareCliOptions) => {
      code = await compareCommand(inputs, o, io);
    })
    .addHelpText('after', '\nExample:\n  zhidu compare corpora/regulations --where family=daibiao-jianyi --reference corpora/regulations/43_national_daibiaofa_2025.txt\n  zhidu compare corpora/regulations --versions 13_beijing_renmian_2007 12_beijing_renmian_2023 --matters appointment-notice --format csv --out changes.csv');

  program.command('corpus')
    .description('process a corpus in parallel into JSONL/CSV files, every input accounted for; resumable')
    .argument('<inputs...>', 'folders (manifest.json honoured), globs such as "dir/**/*.txt", manifest files, or files')
    .requiredOption('-o, --out <dir>', 'output folder: documents.jsonl, obligations.jsonl, statistics.jsonl, named-numbers.jsonl, errors.jsonl, manifest.json')
    .option('-w, --workers <n>', 'worker threads (default: one per 8 MB of input, at most one per core)')
    .addOption(new Option('-f, --format <format>', 'csv adds obligations.csv and statistics.csv').choices(['jsonl', 'csv', 'json']).default('jsonl'))
    .option('--resume', 'skip inputs already done with the same bytes and tool version; finish the rest')
    .option('--no-bom', 'CSV files without the UTF-8 byte-order mark (it is there by default, for Excel and WPS)')
    .option('--allow-outside', 'read manifest entries that point outside their corpus folder (refused by default)')
    .option('--meta <csv>', 'document variables from a CSV joined on file name (a column "file"); they join every row')
    .option('--docvars-from-name <pattern>', "document variables from file names, e.g. '{place}_{family}_{year}'")
    .option('-q, --quiet', 'no progress output')
    .option('--packs <dir>', 'rule-pack directory')
    .action(async (inputs: string[], o: CorpusCliOptions) => {
      code = await corpusCommand(inputs, o, io);
    })
    .addHelpText('after', '\nExamples:\n  zhidu corpus corpora/regulations --out runs/regulations --format csv\n  zhidu corpus "scraped/**/*.html" --out runs/scraped --workers 2 --resume');

  program.command('kwic')
    .description('keyword in context across documents (quanteda\'s kwic), optionally only inside rules of a measure or topic')
    .argument('<inputs...>', 'files, or corpus folders (manifest.json honoured)')
    .requiredOption('-p, --pattern <text>', 'a keyword, or /a regular expression/ (matched in the normalised view: 會議 finds 会议)')
    .option('-w, --window <n>', 'characters of context on each side', '20')
    .option('--measure <measure>', 'only hits inside a rule or statistic of this measure (deadline, count, share …)')
    .option('--topic <topic>', 'only hits inside a rule or statistic of this topic')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --out extension, else md)').choices(['csv', 'md', 'json']))
    .option('-o, --out <path>', 'write to a file instead of stdout; the format follows its extension')
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark')
    .option('--packs <dir>', 'rule-pack directory')
    .action(async (inputs: string[], o: KwicCliOptions) => {
      code = await kwicCommand(inputs, o, io);
    })
    .addHelpText('after', '\nExamples:\n  zhidu kwic corpora/regulations --pattern 答复 --measure deadline --format csv --out answer.csv\n  zhidu kwic corpora/renda --pattern "/联系\\d+名/"');

  program.command('evaluate')
    .description('score extraction against gold files (shared/gold format): P/R/F1 over quantity mentions, attributes, slogans, metadata')
    .argument('<gold-dir>', 'folder of gold JSON files')
    .option('--docs <dir>', 'folder holding the documents the gold files name (default: the gold folder or its parent)')
    .option('--json', 'print the scores as JSON')
    .option('-v, --verbose', 'list every miss, extra and slogan leak')
    .option('-o, --out <path>', 'write to a file instead of stdout')
    .option('--packs <dir>', 'rule-pack directory')
    .action(async (goldDir: string, o: EvaluateOptions) => {
      code = await evaluateCommand(goldDir, o, io);
    })
    .addHelpText('after', '\nExample:\n  zhidu evaluate corpora/regulations/gold --docs corpora/regulations --verbose');

  program.command('schema')
    .description('print the JSON Schema of the extract output, generated from the zod schemas')
    .option('-o, --out <path>', 'write to a file instead of stdout')
    .action((o: { out?: string }) => {
      emit(io, o.out, JSON.stringify(documentJsonSchema(), null, 2) + '\n');
    })
    .addHelpText('after', '\nExample:\n  zhidu schema --out zhidu.schema.json');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0
      return e.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`zhidu: ${e.message}\n`);
      return EXIT_CODES.usage;
    }
    if (e instanceof PackError) {
      io.stderr(`zhidu: invalid rule pack: ${e.message}\n`);
      return EXIT_CODES.internal;
    }
    io.stderr(`zhidu: internal error: ${(e as Error).message}\n`);
    return EXIT_CODES.internal;
  }
  return code;
}
