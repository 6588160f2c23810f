/**
 * `iamprep search QUERY [--json]`: fuzzy search over every question and
 * exercise (prompt or title, topics, tags, id), for scripts and for finding
 * an item to open. The index itself lives with the study modes; the
 * composition root hands it in, since commands do not import them.
 */
import { parseArgs } from 'node:util';
import { stripControl } from '../core/index.js';
import type { Exercise, Question } from '../content/index.js';
import { loadRunLibrary } from './run-library.js';
import { EXIT_OK, EXIT_USAGE, type Command } from './types.js';

/** One result, as the search index returns it. */
export interface SearchHit {
  item: { kind: 'question' | 'exercise'; key: string; id: string; packId: string; level: string; type: string; title: string; topics: string[]; tags: string[] };
  score: number;
}

/** Builds a search over the loaded questions and exercises (study's `buildSearchIndex(searchItemsOf(...))`). */
export type IndexLibrary = (questions: readonly Question[], exercises: readonly Exercise[]) => { search(query: string, limit?: number): SearchHit[] };

export const searchHelp = `Usage: iamprep search QUERY... [--json] [--limit N] [--pack PATH]... [--no-builtin]

Finds questions and exercises whose id, prompt or title, topics or tags
match every word of QUERY. A word matches the words it starts, and small
typos are forgiven: \`iamprep search permision bound\`.

Options:
  --json           print one JSON document: {"query": "...", "results": [...]}
  --limit N        at most N results (default 20)
  --pack PATH      also search this pack (repeatable)
  --no-builtin     leave out the built-in pack
  --help           show this help

Exit status: 0 (also when nothing matches), 2 usage error.`;

export function createSearchCommand(indexLibrary: IndexLibrary): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          json: { type: 'boolean' },
          limit: { type: 'string' },
          pack: { type: 'string', multiple: true },
          'no-builtin': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      io.stderr(`iamprep search: ${(error as Error).message}\nRun \`iamprep search --help\` for usage.\n`);
      return EXIT_USAGE;
    }
    if (parsed.values.help) {
      io.stdout(`${searchHelp}\n`);
      return EXIT_OK;
    }
    const query = parsed.positionals.join(' ').trim();
    if (query === '') {
      io.stderr('iamprep search: say what to search for, as in `iamprep search assume role`\nRun `iamprep search --help` for usage.\n');
      return EXIT_USAGE;
    }
    const limit = parsed.values.limit === undefined ? 20 : Number(parsed.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      io.stderr(`iamprep search: --limit must be a whole number from 1 to 10000, not \`${String(parsed.values.limit)}\`\n`);
      return EXIT_USAGE;
    }

    const library = loadRunLibrary({ packs: parsed.values.pack, noBuiltin: parsed.values['no-builtin'] }, io);
    const hits = indexLibrary(library.questions, library.exercises).search(query, limit);

    if (parsed.values.json) {
      const results = hits.map(({ item, score }) => ({ ...item, score: Math.round(score * 100) / 100 }));
      io.stdout(`${JSON.stringify({ query, results }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (hits.length === 0) {
      io.stdout(`nothing matches \`${stripControl(query)}\` among ${library.questions.length} questions and ${library.exercises.length} exercises\n`);
      return EXIT_OK;
    }
    const keyWidth = Math.min(40, Math.max(...hits.map((h) => h.item.key.length)));
    const typeWidth = Math.max(...hits.map((h) => h.item.type.length));
    const levelWidth = Math.max(...hits.map((h) => h.item.level.length));
    // On a terminal, one line per result; in a pipe, the whole title.
    const width = io.stdoutIsTTY ? Number(io.env.COLUMNS) || 80 : Infinity;
    for (const { item } of hits) {
      const line = `${stripControl(item.key).padEnd(keyWidth)}  ${item.type.padEnd(typeWidth)}  ${item.level.padEnd(levelWidth)}  ${stripControl(item.title)}`;
      io.stdout(`${line.length > width ? `${line.slice(0, width - 1)}…` : line}\n`);
    }
    return EXIT_OK;
  };
}
