/**
 * The command line contract (shared/contracts/cli.md): help, version, exit
 * codes, and the refusal to run interactive commands without a terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_QUESTIONS, MANIFEST, writePack } from './helpers/packs.js';
import { CLI } from './helpers/tmux.js';

const config = mkdtempSync(join(tmpdir(), 'iamprep-cli-'));
function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: config, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(CLI))('the iamprep command', () => {
  it('prints its version', () => {
    const { code, stdout } = run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints help naming the commands', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('iamprep quiz');
    expect(stdout).toContain('pack validate');
  });

  it('prints help for a command', () => {
    const { code, stdout } = run(['quiz', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--level');
  });

  it('rejects an unknown command with exit status 2', () => {
    const { code, stderr } = run(['quizz']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command `quizz`');
  });

  it('rejects an unknown flag with exit status 2', () => {
    const { code, stderr } = run(['quiz', '--levle', 'beginner']);
    expect(code).toBe(2);
    expect(stderr).toContain('--levle');
  });

  it('rejects a level that does not exist', () => {
    const { code, stderr } = run(['quiz', '--level', 'expert']);
    expect(code).toBe(2);
    expect(stderr).toContain('beginner, intermediate, advanced, scenario');
  });

  it('accepts every valid option of the interactive commands before asking for a terminal', () => {
    for (const args of [['quiz', '--level', 'intermediate', '--count', '3'], ['exam', '--count', '5', '--minutes', '10', '--level', 'advanced'], ['interview', '--level', 'beginner']]) {
      const { code, stderr } = run(args);
      expect(stderr, args.join(' ')).toContain('needs a terminal');
      expect(code).toBe(2);
    }
  });

  it('rejects an exam with a count that is not a whole number', () => {
    const { code, stderr } = run(['exam', '--count', 'many']);
    expect(code).toBe(2);
    expect(stderr).toContain('--count must be a whole number');
  });

  it('says an interactive command needs a terminal instead of hanging', () => {
    const { code, stderr } = run(['quiz']);
    expect(code).toBe(2);
    expect(stderr).toContain('needs a terminal');
  });

});

describe.skipIf(!existsSync(CLI))('iamprep pack validate', () => {
  it('passes the built-in pack', () => {
    const { code, stdout } = run(['pack', 'validate', resolve(import.meta.dirname, '../content/aws-iam')]);
    expect(stdout).toMatch(/^0 errors, 0 warnings/m);
    expect(code).toBe(0);
  });

  it('prints every finding compiler-style with the source line, and exits 1', () => {
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('level: beginner', 'level: beginer').replace('answer: true', 'answer: yes please') });
    const { code, stdout } = run(['pack', 'validate', root]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/questions\/a\.yaml:3:12 error InvalidValue `level` `beginer` is not one of/);
    expect(stdout).toMatch(/questions\/a\.yaml:\d+:\d+ error WrongType `answer` must be true or false/);
    expect(stdout).toContain('    level: beginer');
    expect(stdout).toContain('help: did you mean `beginner`?');
    expect(stdout).toMatch(/^2 errors/m);
  });

  it('prints one JSON document with --json', () => {
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('level: beginner', 'level: beginer') });
    const { code, stdout } = run(['pack', 'validate', root, '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.summary.errors).toBe(1);
    expect(doc.findings[0]).toMatchObject({ line: 3, column: 12, endLine: 3, severity: 'error', code: 'InvalidValue' });
    expect(Object.keys(doc.findings[0])).toEqual(expect.arrayContaining(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']));
  });

  it('needs a path', () => {
    expect(run(['pack', 'validate']).code).toBe(2);
  });
});
