import { describe, expect, it } from 'vitest';
import { splitTopLevelArray, toFileDiagnostic } from './eval-policy-files.js';

describe('splitTopLevelArray', () => {
  it('gives each element of a JSON array of policies with its start line and column', () => {
    const text = '[\n  {"a": "]", "b": [1, {"c": "\\"}"}]},\n\n  {"d": 2}\n]\n';
    const elements = splitTopLevelArray(text);
    expect(elements).toEqual([
      { text: '{"a": "]", "b": [1, {"c": "\\"}"}]}', line: 2, column: 3 },
      { text: '{"d": 2}', line: 4, column: 3 },
    ]);
    for (const e of elements!) expect(() => JSON.parse(e.text)).not.toThrow();
  });

  it('leaves a single policy, and text that is not a closed array, to the policy parser', () => {
    expect(splitTopLevelArray('{"Version": "2012-10-17"}')).toBeUndefined();
    expect(splitTopLevelArray('[{"a": 1}')).toBeUndefined();
    expect(splitTopLevelArray('  []')).toEqual([]);
  });
});

describe('toFileDiagnostic', () => {
  it('moves a diagnostic from its policy slot to the line and column in the file', () => {
    const origins = new Map([['scps[0][1]', { path: 'ou.json', source: 'whole file', line: 4, column: 3 }]]);
    const onFirstLine = { code: 'X', severity: 'error' as const, message: 'm', file: 'scps[0][1]', line: 1, column: 5, endLine: 1, endColumn: 9 };
    expect(toFileDiagnostic(onFirstLine, origins)).toEqual({
      diagnostic: { ...onFirstLine, file: 'ou.json', line: 4, column: 7, endLine: 4, endColumn: 11 },
      source: 'whole file',
    });
    const later = { ...onFirstLine, line: 3, endLine: 3 };
    expect(toFileDiagnostic(later, origins).diagnostic).toMatchObject({ line: 6, column: 5 });
    expect(toFileDiagnostic({ ...later, file: 'identity[0]' }, origins).diagnostic.file).toBe('identity[0]');
  });
});
