import { describe, expect, it } from 'vitest';
import { parseJson, toPlain } from './json.js';

describe('parseJson', () => {
  it('reads the same values as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u0041"], "b": {"c": ""}}';
    const { value } = parseJson(text);
    expect(toPlain(value!)).toEqual(JSON.parse(text));
  });

  it('keeps the offsets of keys and values', () => {
    const text = '{ "Effect" : "Allow" }';
    const { value } = parseJson(text);
    if (value?.kind !== 'object') throw new Error('expected an object');
    const m = value.members[0]!;
    expect(text.slice(m.keyStart, m.keyEnd)).toBe('"Effect"');
    expect(text.slice(m.value.start, m.value.end)).toBe('"Allow"');
  });

  it('keeps every member of an object with a repeated key', () => {
    const { value } = parseJson('{"a": 1, "a": 2}');
    if (value?.kind !== 'object') throw new Error('expected an object');
    expect(value.members.map((m) => m.key)).toEqual(['a', 'a']);
  });

  it.each([
    ['{"a": 1,}', 8, 'trailing comma'],
    ['{"a": 1 "b": 2}', 8, 'found another key'],
    ["{'a': 1}", 1, 'quoted key'],
    ['{"a": tru}', 6, 'unexpected `tru`'],
    ['{"a": "x', 6, 'unterminated string'],
    ['[1, 2', 5, 'end of input'],
    ['{"a": 1} x', 9, 'after the end'],
    ['{"a": 01}', 7, 'invalid number'],
    ['', 0, 'empty'],
  ])('reports %j as invalid at offset %i', (text, offset, words) => {
    const { value, error } = parseJson(text);
    expect(value).toBeUndefined();
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(words);
  });
});
