import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from './diagnostic.js';

const finding = (line: number, column: number, endColumn: number): Diagnostic => ({
  file: 'p.json', line, column, endLine: line, endColumn, severity: 'error', code: 'X', message: 'bad', help: 'fix it',
});

describe('a finding shown with its source line', () => {
  it('underlines the span on the line it points at', () => {
    const text = formatDiagnostic(finding(2, 5, 9), '{\n  "Efect": "Allow"\n}');
    expect(text.split('\n')).toEqual(['p.json:2:5 error X bad', '  |', '2 |   "Efect": "Allow"', '  |     ^^^^', '  help: fix it']);
  });

  it('shows a window of a very long line, still underlining the right text', () => {
    const line = `${'a'.repeat(5000)}BAD${'b'.repeat(5000)}`;
    const lines = formatDiagnostic(finding(1, 5001, 5004), line).split('\n');
    expect(lines[2]!.length).toBeLessThan(140);
    const caret = lines[3]!.indexOf('^');
    expect(lines[2]!.slice(caret, caret + 3)).toBe('BAD');
  });

  it('never prints terminal escape sequences from the source', () => {
    const text = formatDiagnostic(finding(1, 1, 2), '"\u001b[2J"');
    expect(text).not.toContain('\u001b');
  });
});
