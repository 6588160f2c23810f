/**
 * Finds where a top-level member's value sits in a JSON object's text,
 * without parsing it. Batch lines carry large `policies` values that repeat
 * from line to line; locating that value's text lets the batch runner use
 * the text itself as the cache key and parse it only the first time, which
 * keeps a batch run close to the cost of merely reading its input.
 *
 * The scan checks structure only (brackets, strings, commas); it does not
 * validate the JSON. Callers parse what they use and fall back to a full
 * parse whenever anything fails.
 */

export interface TextSpan {
  start: number;
  end: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The span of the value of member `name` of the object in `text`, or
 * undefined when the text is not a well-bracketed object or has no such
 * member. With duplicate names the last one wins, as with JSON.parse.
 */
export function findTopLevelMember(text: string, name: string): TextSpan | undefined {
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined;
  i = skipWhitespace(text, i + 1);
  let found: TextSpan | undefined;
  while (i < text.length) {
    if (text.charCodeAt(i) !== QUOTE) return undefined;
    const keyEnd = closingQuote(text, i);
    if (keyEnd < 0) return undefined;
    const isName = keyEnd - i - 1 === name.length && text.startsWith(name, i + 1);
    i = skipWhitespace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== COLON) return undefined;
    const start = skipWhitespace(text, i + 1);
    const end = endOfValue(text, start);
    if (end < 0) return undefined;
    if (isName) found = { start, end };
    i = skipWhitespace(text, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) i = skipWhitespace(text, i + 1);
    else if (c === CLOSE_BRACE) return found;
    else return undefined;
  }
  return undefined;
}

function skipWhitespace(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++i);
  return i;
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let i = open;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/** Index just past the value starting at `i`, or -1 when it is not closed. */
function endOfValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) {
    const close = closingQuote(text, i);
    return close < 0 ? -1 : close + 1;
  }
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // a number, true, false or null: runs to the next delimiter
    let j = i;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 9 || c === 10 || c === 13) break;
    }
    return j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = closingQuote(text, j);
      if (j < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}
