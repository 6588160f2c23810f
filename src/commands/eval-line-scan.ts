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
  let found: TextSpan | undefined;
  let from = 0;
  for (;;) {
    const start = memberValueStart(text, name, from);
    if (start < 0) return start === NOT_FOUND && closesObject(text, from) ? found : undefined;
    const end = endOfValue(text, start);
    if (end < 0) return undefined;
    found = { start, end };
    from = end;
  }
}

/** memberValueStart found no further member of that name. */
export const NOT_FOUND = -1;
/** memberValueStart met text that is not a well-bracketed object. */
export const MALFORMED = -2;

/**
 * Where the value of the first top-level member `name` starts, scanning
 * members from `from` (0, or the end of a previous value). Values of other
 * members are skipped over, so the cost is that of the members before it.
 * Returns NOT_FOUND or MALFORMED otherwise.
 */
export function memberValueStart(text: string, name: string, from = 0): number {
  let i = skipWhitespace(text, from);
  if (from === 0) {
    if (text.charCodeAt(i) !== OPEN_BRACE) return MALFORMED;
    i = skipWhitespace(text, i + 1);
  } else {
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return NOT_FOUND;
    if (c !== COMMA) return MALFORMED;
    i = skipWhitespace(text, i + 1);
  }
  while (i < text.length) {
    if (text.charCodeAt(i) === CLOSE_BRACE) return NOT_FOUND;
    if (text.charCodeAt(i) !== QUOTE) return MALFORMED;
    const keyEnd = closingQuote(text, i);
    if (keyEnd < 0) return MALFORMED;
    const isName = keyEnd - i - 1 === name.length && text.startsWith(name, i + 1);
    i = skipWhitespace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== COLON) return MALFORMED;
    const start = skipWhitespace(text, i + 1);
    if (isName) return start;
    const end = endOfValue(text, start);
    if (end < 0) return MALFORMED;
    i = skipWhitespace(text, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) i = skipWhitespace(text, i + 1);
    else if (c === CLOSE_BRACE) return NOT_FOUND;
    else return MALFORMED;
  }
  return MALFORMED;
}

/** Whether the members from `from` on are well bracketed up to the object's closing brace. */
function closesObject(text: string, from: number): boolean {
  return memberValueStart(text, '\u0000never a member name', from) === NOT_FOUND;
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

/** Index just past the JSON value starting at `i`, or -1 when it is not closed. */
export function endOfValue(text: string, i: number): number {
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
