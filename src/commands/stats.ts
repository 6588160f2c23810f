/**
 * `iamprep stats [--json]`: the progress summary as plain text with bars
 * and symbols (never colour alone), or the same report as one JSON
 * document for scripts.
 */
import { parseArgs } from 'node:util';
import { LEVELS, type Library } from '../content/index.js';
import { computeStats, configDir, FutureStoreError, HEAT_SYMBOLS, heatLevel, openConfStore, readExamHistory, sparkline, type ExamHistoryEntry, type ItemMeta, type MasteryRow, type ProgressStore, type StatsReport } from '../progress/index.js';
import { loadRunLibrary } from './run-library.js';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const statsHelp = `Usage: iamprep stats [--json] [--pack PATH]... [--no-builtin]

Your progress: mastery by level and topic, accuracy, retention against
the desired retention, the reviews due in the next 30 days, the days you
studied and your streak.

Options:
  --json           print the same figures as one JSON document
  --pack PATH      count the questions of this pack too (repeatable)
  --no-builtin     leave out the built-in pack
  --help           show this help

Exit status: 0, 1 when the progress store cannot be opened, 2 usage error.`;

/** Opens the learner's store, or says why not (a store from a newer iamprep). */
export function openStoreFor(io: CommandIO, command: string): ProgressStore | undefined {
  try {
    const store = openConfStore({ cwd: configDir(io.env) });
    if (store.notice) io.stderr(`iamprep ${command}: ${store.notice}\n`);
    return store;
  } catch (error) {
    if (error instanceof FutureStoreError) {
      io.stderr(`iamprep ${command}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

export function itemsOf(library: Library): ItemMeta[] {
  return [...library.questions, ...library.exercises].map((i) => ({ key: i.key, level: i.level, topics: i.topics, rev: i.rev ?? 0 }));
}

export const statsCommand: Command = async (argv, io) => {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, pack: { type: 'string', multiple: true }, 'no-builtin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    io.stderr(`iamprep stats: ${(error as Error).message}\nRun \`iamprep stats --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(`${statsHelp}\n`);
    return EXIT_OK;
  }
  const store = openStoreFor(io, 'stats');
  if (!store) return 1;
  const library = loadRunLibrary({ packs: values.pack, noBuiltin: values['no-builtin'] }, io);
  const report = computeStats(store.data(), itemsOf(library), LEVELS, new Date());
  const exams = readExamHistory(configDir(io.env));
  io.stdout(values.json ? `${JSON.stringify({ ...report, exams }, null, 2)}\n` : `${formatStats(report)}${formatExams(exams)}`);
  return EXIT_OK;
};

const percent = (part: number, whole: number) => (whole === 0 ? '  -' : `${String(Math.round((part / whole) * 100)).padStart(3)}%`);
const bar = (part: number, whole: number, width = 20) => {
  const filled = whole === 0 ? 0 : Math.round((part / whole) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function masteryLines(rows: MasteryRow[]): string[] {
  const width = Math.min(24, Math.max(...rows.map((r) => r.name.length), 5));
  const name = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  return rows.map((r) => `  ${name(r.name)}  ${bar(r.mastered, r.total)}  ${String(r.mastered).padStart(3)}/${String(r.total).padEnd(3)} ${percent(r.mastered, r.total)}  (seen ${r.seen})`);
}

/** The plain-text report: fits 80 columns. */
export function formatStats(r: StatsReport): string {
  const out: string[] = [];
  const answers30 = r.accuracy.reduce((s, d) => s + d.answers, 0);
  const correct30 = r.accuracy.reduce((s, d) => s + d.correct, 0);
  const target = Math.round(r.retention.target * 100);
  out.push(`Progress on ${r.today}`, '');
  out.push(`Today      ${plural(r.totals.dueToday, 'review')} due · ${r.totals.newAvailable} new available · daily new limit ${r.settings.newCardsPerDay}`);
  out.push(`Streak     ${plural(r.streak.current, 'day')}${!r.streak.studiedToday && r.streak.current > 0 ? ' (study today to keep it)' : ''} · longest ${plural(r.streak.longest, 'day')}`);
  if (r.retention.actual === null) out.push(`Retention  no reviews of learned cards in ${r.retention.days} days yet (target ${target}%)`);
  else {
    const actual = Math.round(r.retention.actual * 100);
    const mark = actual >= target ? '✓ at or above target' : '✗ below target';
    out.push(`Retention  ${actual}% of ${plural(r.retention.reviews, 'review')} in ${r.retention.days} days · target ${target}% ${mark}`);
  }
  out.push(`Accuracy   ${answers30 === 0 ? 'no answers' : `${percent(correct30, answers30).trim()} of ${plural(answers30, 'answer')}`} in the last ${r.accuracy.length} days`);
  out.push(`           ${sparkline(r.accuracy.map((d) => d.answers))}  answers a day, oldest first`);
  out.push('', 'Mastery by level (remembered / total)', ...masteryLines(r.masteryByLevel));
  if (r.masteryByTopic.length > 0) out.push('', 'Mastery by topic', ...masteryLines(r.masteryByTopic));
  const dueTotal = r.forecast.reduce((s, d) => s + d.due, 0);
  out.push('', `Due in the next ${r.forecast.length} days: ${dueTotal} (busiest day ${Math.max(0, ...r.forecast.map((d) => d.due))})`);
  out.push(`  ${sparkline(r.forecast.map((d) => d.due))}`);
  const last = `+${r.forecast.length - 1}d`;
  out.push(`  ${'today'.padEnd(r.forecast.length - last.length)}${last}`);
  out.push('', `Study days since ${r.heatmap.start} (${HEAT_SYMBOLS.join(' ')}: none to most answers)`, ...heatmapLines(r.heatmap));
  return `${out.join('\n')}\n`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Seven rows, Monday first, one column per week. */
export function heatmapLines(heatmap: StatsReport['heatmap']): string[] {
  const busiest = Math.max(0, ...heatmap.days.map((d) => d.answers));
  return WEEKDAYS.map((name, row) => {
    let line = `  ${name} `;
    for (let i = row; i < heatmap.days.length; i += 7) line += HEAT_SYMBOLS[heatLevel(heatmap.days[i]!.answers, busiest)];
    return line;
  });
}

/** The last mock exams, newest first. */
export function formatExams(exams: readonly ExamHistoryEntry[]): string {
  if (exams.length === 0) return '';
  const lines = ['', `Mock exams (${exams.length}, newest first)`];
  for (const e of [...exams].reverse().slice(0, 5)) {
    const minutes = Math.round(e.usedMs / 60_000);
    lines.push(`  ${e.at.slice(0, 10)}  ${String(e.correct).padStart(3)}/${String(e.total).padEnd(3)} ${percent(e.correct, e.total)}  ${bar(e.correct, e.total, 10)}  ${minutes} min${e.endedBy === 'timeout' ? ', timed out' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
