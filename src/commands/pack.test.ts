import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_QUESTIONS, MANIFEST, writePack } from '../../test/helpers/packs.js';
import type { Diagnostic } from '../core/index.js';
import { createPackCommand, type PackCommandContext } from './pack.js';
import { locateInstall } from './pack-context.js';
import { githubAnnotation } from './pack-validate.js';
import type { CommandIO } from './types.js';

const BUILTIN = resolve(import.meta.dirname, '../../content/aws-iam');

/** Runs `iamprep pack ...` in process, in a fresh working folder and config folder. */
function setup(context: Partial<PackCommandContext> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'iamprep-packcmd-'));
  const config = join(cwd, 'config');
  const pack = createPackCommand({ version: '1.0.0', builtinDir: BUILTIN, ...context });
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readStdin: async () => '',
      cwd,
      env: { XDG_CONFIG_HOME: config, HOME: cwd },
      stdoutIsTTY: false,
    };
    const status = await pack(argv, io);
    return { status, stdout, stderr };
  };
  return { cwd, packsFolder: join(config, 'iamprep', 'packs'), run };
}

describe('pack init', () => {
  it('scaffolds a pack with every question type and an exercise that validates at once', async () => {
    const { cwd, run } = setup();
    const init = await run('init', 'ACME Onboarding');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Created pack `acme-onboarding`');
    const validate = await run('validate', 'ACME Onboarding', '--json');
    expect(validate.status).toBe(0);
    const report = JSON.parse(validate.stdout);
    expect(report.findings).toEqual([]);
    expect(report.packs[0]).toMatchObject({ id: 'acme-onboarding', questions: 8, exercises: 1 });
    for (const file of ['pack.yaml', 'questions/examples.yaml', 'exercises/examples.yaml']) {
      expect(readFileSync(join(cwd, 'ACME Onboarding', file), 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/iamprep@1\.0\.0\/schema\/(pack|questions)\.schema\.json$/);
    }
  });

  it('never writes into a folder that has files', async () => {
    const { cwd, run } = setup();
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine', 'notes.txt'), 'keep me');
    const result = await run('init', 'mine');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('not an empty folder');
    expect(existsSync(join(cwd, 'mine', 'pack.yaml'))).toBe(false);
  });

  it('refuses an id that is not a pack id', async () => {
    const { run } = setup();
    expect((await run('init', 'x', '--id', 'Bad Id')).status).toBe(2);
  });
});

describe('pack validate', () => {
  it('prints GitHub workflow annotations with --format github and exits 1 on errors', async () => {
    const { run } = setup();
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('level: beginner', 'level: beginer') });
    const result = await run('validate', root, '--format', 'github');
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      `::error file=${join(root, 'questions/a.yaml')},line=3,endLine=3,col=12,endColumn=19,title=InvalidValue::\`level\` \`beginer\` is not one of \`beginner\`, \`intermediate\`, \`advanced\`, \`scenario\` (help: did you mean \`beginner\`?)`,
    );
  });

  it('escapes annotation text so that a message cannot end the command early or span lines', () => {
    const d: Diagnostic = { file: 'a,b:c.yaml', line: 1, column: 2, endLine: 3, endColumn: 1, severity: 'warning', code: 'X', message: '100% sure\nsecond line' };
    expect(githubAnnotation(d)).toBe('::warning file=a%2Cb%3Ac.yaml,line=1,endLine=3,title=X::100%25 sure%0Asecond line');
  });

  it('rejects an unknown format as a usage error', async () => {
    const { run } = setup();
    expect((await run('validate', '.', '--format', 'xml')).status).toBe(2);
  });

  it('finds packs given together that share an id, at the later pack.yaml id line', async () => {
    const { run } = setup();
    const first = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const second = writePack({ 'pack.yaml': `# a comment\n${MANIFEST}`, 'questions/a.yaml': GOOD_QUESTIONS });
    const result = await run('validate', first, second, '--json');
    expect(result.status).toBe(1);
    const dup = JSON.parse(result.stdout).findings.filter((f: { code: string }) => f.code === 'DuplicatePackId');
    expect(dup).toMatchObject([{ file: join(second, 'pack.yaml'), line: 2, severity: 'error' }]);
  });

  it('refuses a pack that takes the built-in pack id, and warns about one already in the packs folder', async () => {
    const { run, packsFolder } = setup();
    const builtinClash = writePack({ 'pack.yaml': MANIFEST.replace('id: demo', 'id: aws-iam'), 'questions/a.yaml': GOOD_QUESTIONS });
    const clash = await run('validate', builtinClash, '--json');
    expect(JSON.parse(clash.stdout).findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([['DuplicatePackId', 'error']]);

    const installed = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const working = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    expect((await run('add', installed)).status).toBe(0);
    const shadow = await run('validate', working, '--json');
    expect(shadow.status).toBe(0);
    expect(JSON.parse(shadow.stdout).findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([['DuplicatePackId', 'warning']]);
    // The installed copy itself is no clash.
    expect(JSON.parse((await run('validate', join(packsFolder, 'demo'), '--json')).stdout).findings).toEqual([]);
  });

  it('says a pack requires a newer iamprep', async () => {
    const { run } = setup({ version: '0.5.0' });
    const root = writePack({ 'pack.yaml': `${MANIFEST}requires: ">=1.0.0"\n`, 'questions/a.yaml': GOOD_QUESTIONS });
    const result = await run('validate', root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('error IncompatibleIamprep the pack requires a newer iamprep (`>=1.0.0`) than this one (0.5.0)');
  });

  it('adds the findings of the extra checks for each loaded pack', async () => {
    const seen: string[] = [];
    const { run } = setup({
      extraChecks: (pack) => {
        seen.push(pack.id);
        return [{ file: join(pack.root, 'questions/a.yaml'), line: 2, column: 5, endLine: 2, endColumn: 6, severity: 'error', code: 'PolicyProblem', message: 'a policy problem' }];
      },
    });
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const result = await run('validate', root);
    expect(seen).toEqual(['demo']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('questions/a.yaml:2:5 error PolicyProblem a policy problem');
  });

  it('escapes C1 and bidirectional controls in JSON output, which stays the same JSON', async () => {
    const { run } = setup();
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const strange = join(root, 'questions', 'b\u009b2J\u202e.yaml');
    writeFileSync(strange, 'questions: 3\n');
    const result = await run('validate', root, '--json');
    expect(result.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file)).toEqual([strange]);
  });

  it('never prints a control character from a pack, even in a field name or a message', async () => {
    const { run } = setup();
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('    explanation:', '    "\\e]52;c;aGk=\\a\\e[2J": x\n    explanation:') });
    for (const format of ['text', 'github']) {
      const result = await run('validate', root, '--format', format);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('ControlCharacter');
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('pack add, list and remove', () => {
  it('copies a pack into the packs folder, lists it with its counts, and removes it', async () => {
    const { run, packsFolder } = setup();
    const source = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS, '.git/HEAD': 'ref: refs/heads/main\n' });
    const add = await run('add', source);
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('Added pack `demo` 1.0.0 (2 questions, 0 exercises)');
    expect(lstatSync(join(packsFolder, 'demo')).isSymbolicLink()).toBe(false);
    expect(existsSync(join(packsFolder, 'demo', '.git'))).toBe(false);

    const list = JSON.parse((await run('list', '--json')).stdout);
    expect(list.packs.map((p: { id: string; origin: string; questions: number }) => [p.id, p.origin, p.questions > 0])).toEqual([
      ['aws-iam', 'builtin', true],
      ['demo', 'user', true],
    ]);
    expect(list.packs[1]).toMatchObject({ version: '1.0.0', questions: 2, exercises: 0, linked: false, errors: 0 });

    const again = await run('add', source);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already in your packs folder');
    expect((await run('add', source, '--force')).status).toBe(0);

    const removed = await run('remove', 'demo');
    expect(removed.status).toBe(0);
    expect(existsSync(join(packsFolder, 'demo'))).toBe(false);
    expect(existsSync(join(source, 'pack.yaml'))).toBe(true);
    expect((await run('remove', 'demo')).status).toBe(1);
  });

  it('links a pack with --link, so edits show at once, and removing it leaves the folder alone', async () => {
    const { run, packsFolder } = setup();
    const source = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    expect((await run('add', source, '--link')).status).toBe(0);
    expect(lstatSync(join(packsFolder, 'demo')).isSymbolicLink()).toBe(true);
    writeFileSync(join(source, 'questions/b.yaml'), GOOD_QUESTIONS.replace(/id: /g, 'id: b-'));
    const text = (await run('list')).stdout;
    expect(text).toMatch(/demo\s+1\.0\.0\s+4\s+0\s+beginner,intermediate,advanced,scenario\s+linked /);
    expect((await run('remove', 'demo')).stdout).toContain('the link only');
    expect(existsSync(join(source, 'questions/b.yaml'))).toBe(true);
  });

  it('lists --pack packs and the packs skipped, with why', async () => {
    const { run } = setup({ version: '1.0.0' });
    const future = writePack({ 'pack.yaml': `${MANIFEST.replace('id: demo', 'id: future')}requires: "^2"\n`, 'questions/a.yaml': GOOD_QUESTIONS });
    const current = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const list = JSON.parse((await run('list', '--json', '--no-builtin', '--pack', future, '--pack', current)).stdout);
    expect(list.packs.map((p: { id: string; origin: string }) => [p.id, p.origin])).toEqual([['demo', 'extra']]);
    expect(list.skipped).toMatchObject([{ path: future, code: 'IncompatibleIamprep' }]);
  });

  it('refuses to add what is not a pack, or a pack for a newer iamprep', async () => {
    const { run } = setup({ version: '1.0.0' });
    expect((await run('add', mkdtempSync(join(tmpdir(), 'not-a-pack-')))).stderr).toContain('has no pack.yaml');
    const future = writePack({ 'pack.yaml': `${MANIFEST}requires: ">=3"\n` });
    const result = await run('add', future);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('requires a newer iamprep');
  });

  it('will not remove the built-in pack', async () => {
    const { run } = setup();
    const result = await run('remove', 'aws-iam');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('built-in pack');
  });
});

describe('the installed iamprep', () => {
  it('is found from the source tree: its version and built-in pack', () => {
    const found = locateInstall(join(import.meta.dirname, 'pack.ts'));
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(found).toEqual({ version: pkg.version, builtinDir: BUILTIN });
  });
});
