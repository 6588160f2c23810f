import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_QUESTIONS, MANIFEST, writePack } from '../../test/helpers/packs.js';
import { loadPack } from './index.js';

function findings(files: Record<string, string | Buffer>) {
  const root = writePack(files);
  const result = loadPack(root);
  return { ...result, root, at: (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => `${d.file.slice(root.length + 1)}:${d.line}:${d.column}`) };
}

describe('loading a valid pack', () => {
  it('reads the manifest and every question with its type fields', () => {
    const { pack, diagnostics } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    expect(diagnostics).toEqual([]);
    expect(pack?.id).toBe('demo');
    expect(pack?.levels).toEqual(['beginner', 'intermediate', 'advanced', 'scenario']);
    expect(pack?.questions.map((q) => [q.key, q.type])).toEqual([
      ['demo/roles-vs-users', 'single'],
      ['demo/deny-wins', 'truefalse'],
    ]);
    const single = pack?.questions[0];
    expect(single?.type === 'single' && single.choices.map((c) => c.correct)).toEqual([true, false]);
  });

  it('finds question files at any depth under questions/ and ignores other files', () => {
    const { pack, diagnostics } = findings({
      'pack.yaml': MANIFEST,
      'questions/deep/er/a.yaml': GOOD_QUESTIONS,
      'README.md': '# not a pack file: [',
    });
    expect(diagnostics).toEqual([]);
    expect(pack?.questions).toHaveLength(2);
  });
});

describe('pack findings, each at its line', () => {
  it('reports malformed YAML at the failing line', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions:\n  - id: a\n    prompt: x: y\n' });
    expect(at('YamlSyntax')[0]).toMatch(/^questions\/a\.yaml:3:/);
  });

  it('reports a missing manifest', () => {
    const { at, pack } = findings({ 'questions/a.yaml': GOOD_QUESTIONS });
    expect(pack).toBeUndefined();
    expect(at('MissingFile')).toEqual(['pack.yaml:1:1']);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions:\n  - id: x\n    level: beginner\n    type: truefalse\n    answer: true\n' });
    expect(at('MissingField')).toEqual(['questions/a.yaml:2:5']);
  });

  it('reports a wrongly typed field at its value', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions:\n  - id: x\n    level: beginner\n    type: truefalse\n    prompt: p\n    answer: maybe\n' });
    expect(at('WrongType')).toEqual(['questions/a.yaml:6:13']);
  });

  it('suggests the field an unknown field was meant to be', () => {
    const { diagnostics } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions:\n  - id: x\n    level: beginner\n    type: truefalse\n    promt: p\n    answer: true\n' });
    const unknown = diagnostics.find((d) => d.code === 'UnknownField');
    expect(unknown?.line).toBe(5);
    expect(unknown?.help).toContain('prompt');
  });

  it('reports a single question with no correct choice', () => {
    const text = 'questions:\n  - id: x\n    level: beginner\n    type: single\n    prompt: p\n    choices:\n      - text: a\n      - text: b\n';
    const { at, pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': text });
    expect(at('NoCorrectChoice')).toEqual(['questions/a.yaml:7:7']);
    expect(pack?.questions).toEqual([]);
  });

  it('reports a single question with two correct choices', () => {
    const text = 'questions:\n  - id: x\n    level: beginner\n    type: single\n    prompt: p\n    choices:\n      - { text: a, correct: true }\n      - { text: b, correct: true }\n';
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': text });
    expect(at('SeveralCorrectChoices')).toEqual(['questions/a.yaml:7:7']);
  });

  it('reports a duplicate id at the later occurrence, with the first as related', () => {
    const { diagnostics, root } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS, 'questions/b.yaml': GOOD_QUESTIONS });
    const dups = diagnostics.filter((d) => d.code === 'DuplicateId');
    expect(dups.map((d) => `${d.file.slice(root.length + 1)}:${d.line}`)).toEqual(['questions/b.yaml:2', 'questions/b.yaml:15']);
    expect(dups[0]?.related?.[0]).toMatchObject({ file: join(root, 'questions/a.yaml'), line: 2 });
  });

  it('reports a duplicate key in one mapping', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions:\n  - id: x\n    id: y\n' });
    expect(at('DuplicateKey')[0]).toMatch(/^questions\/a\.yaml:3:/);
  });

  it('reports an invalid level with a did-you-mean', () => {
    const { diagnostics } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('level: beginner', 'level: beginer') });
    const bad = diagnostics.find((d) => d.code === 'InvalidValue');
    expect(bad).toMatchObject({ line: 3, column: 12, help: 'did you mean `beginner`?' });
  });

  it('reports a topic the manifest does not declare', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('topics: [roles]', 'topics: [rolez]') });
    expect(at('UndeclaredTopic')).toEqual(['questions/a.yaml:4:14']);
  });

  it('reports every problem, not only the first', () => {
    const text = 'questions:\n  - id: A_B\n    level: nope\n    type: truefalse\n    prompt: p\n    answer: 3\n';
    const { diagnostics } = findings({ 'pack.yaml': 'id: demo\ntitle: t\nversion: one\n', 'questions/a.yaml': text });
    expect(diagnostics.map((d) => `${d.code}@${d.line}`).sort()).toEqual(['InvalidValue@2', 'InvalidValue@3', 'InvalidValue@3', 'WrongType@6'].sort());
  });
});

describe('hostile and broken files', () => {
  it('rejects terminal escape sequences and never returns them raw', () => {
    const { at, pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS.replace('prompt: Which statement about IAM roles is true?', 'prompt: "\\e[2J\\e]52;c;aGk=\\a Which statement"') });
    expect(at('ControlCharacter').length).toBeGreaterThan(0);
    expect(pack?.questions[0]?.prompt).not.toMatch(/\u001b/);
  });

  it('rejects a billion-laughs file quickly instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('questions: *a9');
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/bomb.yaml': lines.join('\n') });
    expect(at('TooManyValues').length + at('UnknownField').length).toBeGreaterThan(0);
  });

  it('reports a file that is not UTF-8 at its line', () => {
    const bytes = Buffer.concat([Buffer.from('questions:\n  - id: x\n    prompt: "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]);
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': bytes });
    expect(at('NotUtf8')).toEqual(['questions/a.yaml:3:1']);
  });

  it('refuses a file linked from outside the pack', () => {
    const outside = writePack({ 'x.yaml': GOOD_QUESTIONS });
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': 'questions: []\n' });
    symlinkSync(join(outside, 'x.yaml'), join(root, 'questions', 'linked.yaml'));
    const result = loadPack(root);
    expect(result.diagnostics.map((d) => d.code)).toContain('PathOutsidePack');
    expect(result.pack?.questions).toEqual([]);
  });

  it('refuses a file larger than the limit without reading it', () => {
    const root = writePack({ 'pack.yaml': MANIFEST });
    writeFileSync(join(root, 'questions.yaml'), '');
    const big = writePack({ 'pack.yaml': MANIFEST, 'questions/big.yaml': `questions: []\n#${'x'.repeat(5 * 1024 * 1024)}\n` });
    expect(loadPack(big).diagnostics.map((d) => d.code)).toEqual(['FileTooLarge']);
  });
});

describe('the parsed-pack cache', () => {
  it('gives the same pack as parsing, and notices any change to a file', async () => {
    const { loadPackCached } = await import('./index.js');
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cache = mkdtempSync(join(tmpdir(), 'iamprep-cache-'));
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const parsed = loadPack(root);
    expect(loadPackCached(root, cache)).toEqual(parsed);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(loadPackCached(root, cache)).toEqual(parsed);
    writeFileSync(join(root, 'questions/a.yaml'), GOOD_QUESTIONS.replace('An explicit deny overrides any allow.', 'A changed prompt.'));
    const changed = loadPackCached(root, cache);
    expect(changed.pack?.questions[1]?.prompt).toBe('A changed prompt.');
  });
});

describe('where policies inside a pack start', () => {
  it('maps a policy in a block scalar to the YAML file lines and indentation', () => {
    const text = [
      'questions:',
      '  - id: sp',
      '    level: advanced',
      '    type: spot',
      '    prompt: Find the bug.',
      '    policy: |',
      '      {',
      '        "Version": "2012-10-17"',
      '      }',
      '    bug: /Version',
      '    why: because',
      '',
    ].join('\n');
    const { pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': text });
    const origin = pack?.questions[0]?.origins.policy;
    expect(origin).toMatchObject({ lineOffset: 6, columnOffset: 6, kind: 'text' });
    // "Version" is on the policy's line 2, column 3: the YAML file's line 8, column 9.
    expect(2 + origin!.lineOffset).toBe(8);
    expect(3 + origin!.columnOffset).toBe(9);
  });
});

describe('more hostile input', () => {
  const withPrompt = (prompt: string) => GOOD_QUESTIONS.replace('prompt: Which statement about IAM roles is true?', `prompt: ${prompt}`);

  it('rejects an OSC 52 clipboard write and a C1 control sequence, and keeps neither in the text', () => {
    const { at, pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': withPrompt('"copy \\e]52;c;ZWNobyBoaQ==\\x07 and \\x9b2J done"') });
    expect(at('ControlCharacter')).toEqual(['questions/a.yaml:6:13']);
    const prompt = pack?.questions[0]?.prompt ?? '';
    expect(prompt).toContain('copy');
    expect(prompt).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it('rejects bidirectional overrides that make text read differently', () => {
    const { at, pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': withPrompt('"Is \\u202Eeurt\\u202C the answer?"') });
    expect(at('BidiControl')).toEqual(['questions/a.yaml:6:13']);
    expect(pack?.questions[0]?.prompt).not.toMatch(/[\u202a-\u202e]/);
  });

  it('checks text in the manifest and in field names too, and never echoes a control character in a message', () => {
    const { diagnostics } = findings({
      'pack.yaml': MANIFEST.replace('title: Demo pack', 'title: "Demo \\e[2J pack"'),
      'questions/a.yaml': GOOD_QUESTIONS.replace('    explanation:', '    "\\e[31mred":  x\n    explanation:'),
    });
    expect(diagnostics.filter((d) => d.code === 'ControlCharacter').map((d) => d.file.endsWith('pack.yaml'))).toEqual([true, false]);
    const unknown = diagnostics.find((d) => d.code === 'UnknownField');
    expect(unknown?.message).toContain('\\u001b[31mred');
    expect(diagnostics.map((d) => d.message + (d.help ?? '')).join('')).not.toMatch(/\u001b/);
  });

  it('treats `constructor` and `__proto__` as unknown fields, not as built-in properties', () => {
    const { diagnostics, pack } = findings({
      'pack.yaml': MANIFEST,
      'questions/a.yaml': GOOD_QUESTIONS.replace('    explanation:', '    constructor: x\n    __proto__: { polluted: true }\n    explanation:'),
    });
    expect(diagnostics.filter((d) => d.code === 'UnknownField').map((d) => d.line)).toEqual([12, 13]);
    expect(pack?.questions).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps `__proto__` in a policy as plain data', () => {
    const predict = `questions:
  - id: p
    level: beginner
    type: predict
    prompt: p
    policies:
      identity:
        - { Version: "2012-10-17", __proto__: { Statement: [] } }
    request: { action: s3:GetObject, resource: "*" }
`;
    const { pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': predict });
    const q = pack?.questions[0];
    const policy = q?.type === 'predict' ? (q.policies.identity?.[0] as object) : undefined;
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(Object.keys(policy ?? {})).toEqual(['Version', '__proto__']);
  });

  it('refuses a string longer than the limit, with its length, in typed fields and in free-form policies', () => {
    const long = 'x'.repeat(20_001);
    const { diagnostics } = findings({
      'pack.yaml': MANIFEST,
      'questions/a.yaml': `${withPrompt(long)}  - id: p\n    level: beginner\n    type: predict\n    prompt: p\n    policies: { identity: [{ Sid: ${long} }] }\n    request: { action: a, resource: r }\n`,
    });
    const tooLong = diagnostics.filter((d) => d.code === 'ValueTooLong');
    expect(tooLong.map((d) => d.line)).toEqual([6, 25]);
    expect(tooLong[0]?.message).toContain('20001 characters');
  });

  it('reports a file nested too deeply to read as a finding, not a crash', () => {
    const { at, pack } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS, 'questions/deep.yaml': `questions: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    expect(at('YamlSyntax')[0]).toMatch(/^questions\/deep\.yaml:1:/);
    expect(pack?.questions).toHaveLength(2);
  });

  it('rejects a billion-laughs file within a second', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('questions: [{ id: x, level: beginner, type: order, prompt: p, items: *a11 }]');
    const started = performance.now();
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/bomb.yaml': lines.join('\n') });
    const elapsed = performance.now() - started;
    expect(at('TooManyValues').length + at('UnknownField').length).toBeGreaterThan(0);
    // A bound, not a timing measurement: expanding 10^12 values would take hours.
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('paths and special files', () => {
  it('refuses a pack.yaml that links to a file outside the pack, without echoing that file', () => {
    const outside = writePack({ 'secret.yaml': 'password: hunter2\n' });
    const root = writePack({ 'questions/a.yaml': GOOD_QUESTIONS });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'pack.yaml'));
    const result = loadPack(root);
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PathOutsidePack']);
    expect(JSON.stringify(result.diagnostics)).not.toContain('hunter2');
  });

  it('walks a folder linked into itself once, instead of repeating it', () => {
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    symlinkSync('..', join(root, 'questions', 'loop'));
    const result = loadPack(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.pack?.questions).toHaveLength(2);
  });

  it.skipIf(process.platform === 'win32')('reports a FIFO named like a question file instead of waiting on it forever', () => {
    const root = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    execFileSync('mkfifo', [join(root, 'questions', 'pipe.yaml')]);
    const result = loadPack(root);
    expect(result.diagnostics.map((d) => `${d.code} ${d.file.slice(root.length + 1)}`)).toEqual(['NotAFile questions/pipe.yaml']);
    expect(result.pack?.questions).toHaveLength(2);
  });
});

describe('the version a pack requires', () => {
  const requiring = (range: string) => MANIFEST.replace('version: 1.0.0', `version: 1.0.0\nrequires: "${range}"`);

  it('skips a pack that requires a newer iamprep, saying so at its `requires` line', () => {
    const root = writePack({ 'pack.yaml': requiring('>=2.0.0'), 'questions/a.yaml': GOOD_QUESTIONS.replace('prompt:', 'newFieldOfV2: 1\n    prompt:') });
    const result = loadPack(root, { appVersion: '1.4.0' });
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['IncompatibleIamprep', 4]]);
    expect(result.diagnostics[0]?.message).toContain('requires a newer iamprep');
  });

  it('loads a pack whose range includes this iamprep', () => {
    const root = writePack({ 'pack.yaml': requiring('^1.2 || ^2'), 'questions/a.yaml': GOOD_QUESTIONS });
    expect(loadPack(root, { appVersion: '1.4.0' }).pack?.questions).toHaveLength(2);
  });

  it('reports a `requires` that is not a range', () => {
    const root = writePack({ 'pack.yaml': requiring('latest'), 'questions/a.yaml': GOOD_QUESTIONS });
    const result = loadPack(root, { appVersion: '1.0.0' });
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['InvalidRequires', 4]]);
  });

  it('lets the other packs load when one requires a newer iamprep', async () => {
    const { loadLibrary } = await import('./index.js');
    const newer = writePack({ 'pack.yaml': requiring('>=9.0.0').replace('id: demo', 'id: future'), 'questions/a.yaml': GOOD_QUESTIONS });
    const current = writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS });
    const library = loadLibrary({ extraPacks: [newer, current], appVersion: '1.0.0' });
    expect(library.packs.map((p) => p.id)).toEqual(['demo']);
    expect(library.skipped.map((s) => [s.root, s.reason.code])).toEqual([[newer, 'IncompatibleIamprep']]);
  });
});

describe('references', () => {
  const withUrl = (url: string) => GOOD_QUESTIONS.replace('https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html', url);

  it('accepts public https pages', () => {
    expect(findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS }).diagnostics).toEqual([]);
  });

  it('warns about http and about hosts learners cannot reach, at the URL', () => {
    expect(findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': withUrl('http://docs.aws.amazon.com/x') }).at('InsecureReference')).toEqual(['questions/a.yaml:14:34']);
    for (const url of ['https://localhost:8080/notes', 'https://wiki/iam', 'https://10.1.2.3/x', 'https://intranet.corp.internal/iam']) {
      const { diagnostics } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': withUrl(url) });
      expect(diagnostics.map((d) => [d.code, d.severity]), url).toEqual([['UnreachableReference', 'warning']]);
    }
  });

  it('rejects URLs with credentials', () => {
    const { at } = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': withUrl('https://user:secret@example.com/x') });
    expect(at('InvalidReference')).toEqual(['questions/a.yaml:14:34']);
  });
});

describe('editing a question', () => {
  it('keeps its progress key, and reads `rev` for changes that should reset the card', () => {
    const before = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS }).pack?.questions[1];
    const edited = GOOD_QUESTIONS.replace('An explicit deny overrides any allow.', 'An explicit Deny overrides any Allow, in any policy.').replace('    answer: true', '    answer: true\n    rev: 2');
    const after = findings({ 'pack.yaml': MANIFEST, 'questions/a.yaml': edited }).pack?.questions[1];
    expect(after?.key).toBe(before?.key);
    expect([before?.rev, after?.rev]).toEqual([0, 2]);
  });
});
