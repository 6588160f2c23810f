import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers/wait.js';
import { editorCommand, openInEditor, prepareWorkspaceFile, resetWorkspaceFile, watchWorkspaceFile, workspacePath } from './index.js';

const item = { packId: 'aws-iam', id: 'ec2-role-trust', starter: '{"Version":"2012-10-17","Statement":[]}' };
const folder = () => mkdtempSync(join(tmpdir(), 'iamprep-ws-'));

describe('workspace files', () => {
  it('writes the starter once and keeps the learner’s work afterwards', () => {
    const dir = folder();
    const path = prepareWorkspaceFile(dir, item);
    expect(path).toBe(workspacePath(dir, item));
    expect(readFileSync(path, 'utf8')).toBe(`${item.starter}\n`);
    writeFileSync(path, 'my answer');
    prepareWorkspaceFile(dir, item);
    expect(readFileSync(path, 'utf8')).toBe('my answer');
    resetWorkspaceFile(dir, item);
    expect(readFileSync(path, 'utf8')).toBe(`${item.starter}\n`);
  });

  it('reports each change of content, including a save by rename, and stops when asked', async () => {
    const dir = folder();
    const path = prepareWorkspaceFile(dir, item);
    const seen: string[] = [];
    const stop = watchWorkspaceFile(path, (text) => seen.push(text), { pollMs: 50 });
    writeFileSync(path, 'first');
    await waitFor(() => seen.join('|'), (v) => v === 'first', 'the first save');
    writeFileSync(join(dir, 'aws-iam', '.tmp'), 'second');
    renameSync(join(dir, 'aws-iam', '.tmp'), path);
    await waitFor(() => seen.join('|'), (v) => v === 'first|second', 'the save by rename');
    stop();
    // A second watcher proves the next save was noticed; the stopped one must not hear it.
    const after: string[] = [];
    const stopAfter = watchWorkspaceFile(path, (text) => after.push(text), { pollMs: 50 });
    writeFileSync(path, 'third');
    await waitFor(() => after.join('|'), (v) => v === 'third', 'the save after stopping');
    stopAfter();
    expect(seen).toEqual(['first', 'second']);
  });
});

describe('the editor', () => {
  it('prefers $VISUAL, then $EDITOR with its arguments, then nano, then vi', () => {
    expect(editorCommand({ VISUAL: 'hx', EDITOR: 'nano' })).toEqual({ command: 'hx', args: [] });
    expect(editorCommand({ EDITOR: 'code --wait' })).toEqual({ command: 'code', args: ['--wait'] });
    expect(editorCommand({}, (name) => name === 'nano')).toEqual({ command: 'nano', args: [] });
    expect(editorCommand({}, () => false)).toEqual({ command: 'vi', args: [] });
  });

  it('runs the editor on the file with the terminal handed over, and says when it cannot', () => {
    const calls: unknown[][] = [];
    const ok = openInEditor('/ws/a.json', { EDITOR: 'vim -n' }, (command, args, options) => {
      calls.push([command, args, options.stdio]);
      return { status: 0, error: undefined };
    });
    expect(ok).toEqual({ ok: true });
    expect(calls).toEqual([['vim', ['-n', '/ws/a.json'], 'inherit']]);
    const missing = openInEditor('/ws/a.json', { EDITOR: 'nosuch' }, () => ({ status: null, error: Object.assign(new Error('spawn nosuch ENOENT'), { code: 'ENOENT' }) }));
    expect(missing.ok).toBe(false);
    expect(missing.message).toContain('`nosuch`');
  });
});
