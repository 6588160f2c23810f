/**
 * Search over every question and exercise: id, prompt (or title), topics
 * and tags, as the learner types.
 *
 * A keystroke must be answered within 16 ms with 10,000 items. fuse.js run
 * over the items themselves took 40-230 ms a query here even on short keys,
 * and over the vocabulary of words 4-60 ms, so the index is a word index
 * instead: every word of the searchable fields points at its items, a query
 * word matches the words it starts (so results come while typing) or is one
 * or two edits from (so typos still find things), and an item must match
 * every query word. Matching runs over the vocabulary (thousands of short
 * words), not over the items, which keeps it well under the limit
 * (`npm run bench`).
 */
import type { Exercise, Level, Question } from '../content/index.js';

export interface SearchItem {
  kind: 'question' | 'exercise';
  /** `packId/id`. */
  key: string;
  id: string;
  packId: string;
  level: Level;
  /** The question type, or `exercise`. */
  type: string;
  /** One line: the prompt's first line, or the exercise title. */
  title: string;
  topics: string[];
  tags: string[];
}

export interface SearchResult {
  item: SearchItem;
  /** Higher is better. */
  score: number;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, limit?: number): SearchResult[];
}

const TITLE_CHARS = 120;

export function searchItemsOf(questions: readonly Question[], exercises: readonly Exercise[]): SearchItem[] {
  const oneLine = (text: string) => {
    const flat = text.trim().replace(/\s+/g, ' ');
    return flat.length > TITLE_CHARS ? `${flat.slice(0, TITLE_CHARS - 1)}…` : flat;
  };
  return [
    ...questions.map((q) => ({ kind: 'question' as const, key: q.key, id: q.id, packId: q.packId, level: q.level, type: q.type, title: oneLine(q.prompt), topics: q.topics, tags: q.tags })),
    ...exercises.map((e) => ({ kind: 'exercise' as const, key: e.key, id: e.id, packId: e.packId, level: e.level, type: 'exercise', title: oneLine(e.title), topics: e.topics, tags: e.tags })),
  ];
}

/** Lower case, split at anything but letters and digits ("s3:GetObject" is "s3", "getobject"). */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** How well a query word matched a word of the item. */
const EXACT = 1;
const PREFIX = 0.75;
const TYPO = 0.5;

export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
  const postings = new Map<string, number[]>();
  const haystacks: string[] = [];
  items.forEach((item, index) => {
    const text = [item.id, item.title, ...item.topics, ...item.tags].join(' ');
    haystacks.push(text.toLowerCase());
    for (const word of new Set(searchWords(text))) {
      const list = postings.get(word);
      if (list) list.push(index);
      else postings.set(word, [index]);
    }
  });
  const vocabulary = [...postings.keys()].sort();
  // Typo candidates share a first letter with the query word (or its second, for a swap at the start).
  const byFirst = new Map<string, string[]>();
  for (const word of vocabulary) byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word]);
  const wordCache = new Map<string, Matches>();

  /** Items matching one query word, with the best match quality per item (0: no match). */
  const itemsFor = (queryWord: string): Matches => {
    const cached = wordCache.get(queryWord);
    if (cached) return cached;
    const quality = new Float32Array(items.length);
    let count = 0;
    const add = (word: string, q: number) => {
      for (const index of postings.get(word)!) {
        if (quality[index] === 0) count++;
        if (quality[index]! < q) quality[index] = q;
      }
    };
    // Words the query word starts: a contiguous run of the sorted vocabulary.
    for (let i = lowerBound(vocabulary, queryWord); i < vocabulary.length && vocabulary[i]!.startsWith(queryWord); i++) {
      add(vocabulary[i]!, vocabulary[i] === queryWord ? EXACT : PREFIX);
    }
    // Typos: only for words long enough that one edit still says something.
    if (queryWord.length >= 4) {
      const allowed = queryWord.length >= 8 ? 2 : 1;
      const firsts = new Set([queryWord[0]!, queryWord[1]!]);
      for (const first of firsts) {
        for (const word of byFirst.get(first) ?? []) {
          if (word.length < queryWord.length - allowed || word.startsWith(queryWord)) continue;
          // Compare with the word's start too, so a typo while typing still matches ("permis" for "permissions").
          if (withinEdits(queryWord, word, allowed) || (word.length > queryWord.length && withinEdits(queryWord, word.slice(0, queryWord.length), allowed))) add(word, TYPO);
        }
      }
    }
    const matches = { quality, count };
    if (wordCache.size > 200) wordCache.clear();
    wordCache.set(queryWord, matches);
    return matches;
  };

  const index: SearchIndex = {
    size: items.length,
    search(query: string, limit = 50): SearchResult[] {
      const words = [...new Set(searchWords(query))];
      if (words.length === 0 || limit <= 0) return [];
      const perWord = words.map(itemsFor).sort((a, b) => a.count - b.count);
      if (perWord[0]!.count === 0) return [];
      const phrase = query.trim().toLowerCase();
      const best = new TopK(limit, (a, b) => b.score - a.score || a.item.title.length - b.item.title.length || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
      const first = perWord[0]!.quality;
      for (let index = 0; index < first.length; index++) {
        let score = first[index]!;
        if (score === 0) continue;
        for (let w = 1; w < perWord.length && score > 0; w++) {
          const q = perWord[w]!.quality[index]!;
          score = q === 0 ? 0 : score + q;
        }
        if (score === 0) continue;
        const item = items[index]!;
        // The words together, as typed, beat the same words scattered; an exact id beats everything.
        if (words.length > 1 && haystacks[index]!.includes(phrase)) score += 0.5;
        if (item.id === phrase || item.key === phrase) score += 2;
        best.offer({ item, score });
      }
      return best.sorted();
    },
  };
  // One search while the screen opens, so the first key the learner types
  // does not also pay for compiling the search code (measured: 16 ms cold, under 2 ms warm).
  if (vocabulary.length > 0) {
    index.search(`${vocabulary[0]!} ${vocabulary[vocabulary.length - 1]!.slice(0, 4)}`);
    wordCache.clear();
  }
  return index;
}

interface Matches {
  quality: Float32Array;
  count: number;
}

/** Keeps the k best results seen (a short insertion-sorted list: k is small), so thousands of matches are never all sorted. */
class TopK {
  private readonly kept: SearchResult[] = [];
  constructor(
    private readonly k: number,
    private readonly order: (a: SearchResult, b: SearchResult) => number,
  ) {}
  offer(result: SearchResult): void {
    const kept = this.kept;
    const last = kept[kept.length - 1];
    // Most results lose to the last one kept on score alone: no need for the full comparison.
    if (kept.length === this.k && (result.score < last!.score || this.order(result, last!) >= 0)) return;
    let at = kept.length;
    while (at > 0 && this.order(result, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, result);
    if (kept.length > this.k) kept.pop();
  }
  sorted(): SearchResult[] {
    return this.kept;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `a` and `b` are at most `max` edits apart (insert, delete, substitute, swap two neighbours), stopping early. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return false;
    previousPrevious = previous;
    previous = row;
  }
  return previous[b.length]! <= max;
}
