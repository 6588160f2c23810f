/**
 * End to end: the built CLI in a real pseudo-terminal. A learner opens an
 * exercise, the test saves answers into the workspace file as an editor
 * would, and the screen regrades each time; then `e` runs $EDITOR.
 * Skipped until the built CLI has `iamprep practice`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, hasTmux, startTerminal, type TerminalSession } from './helpers/tmux.js';

const practiceBuilt = existsSync(CLI) && spawnSync(process.execPath, [CLI, 'practice', '--help'], { encoding: 'utf8' }).status === 0;
const ready = practiceBuilt && hasTmux();
const sessions: TerminalSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

const SOLUTION = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}\n';

/** Where the workspace keeps the exercise's file: the config folder's `workspace/<pack>/<id>.json`. */
const workspaceFile = (config: string) => join(config, 'iamprep', 'workspace', 'aws-iam', 'ec2-role-trust.json');

describe.skipIf(!ready)('practice in a real terminal', () => {
  it('writes the starter, and regrades the screen on every save of the workspace file', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-practice-'));
    const session = startTerminal(['practice', 'ec2-role-trust'], { XDG_CONFIG_HOME: config });
    sessions.push(session);
    await session.waitFor('Not passed yet');
    const file = workspaceFile(config);
    expect(readFileSync(file, 'utf8')).toContain('lambda.amazonaws.com');

    writeFileSync(file, '{"Version": "2012-10-17", "Statement": [\n');
    await session.waitFor(/error InvalidJson/);
    writeFileSync(file, SOLUTION);
    await session.waitFor('Passed · 3 of 3 cases');
    session.keys('q');
  });

  it('runs $EDITOR on the file with e and grades what the editor saved', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-practice-'));
    const answer = join(config, 'answer.json');
    writeFileSync(answer, SOLUTION);
    const editor = join(config, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\ncp '${answer}' "$1"\n`);
    chmodSync(editor, 0o755);
    const session = startTerminal(['practice', 'ec2-role-trust'], { XDG_CONFIG_HOME: config, EDITOR: editor, VISUAL: '' });
    sessions.push(session);
    await session.waitFor('Not passed yet');
    session.keys('e');
    await session.waitFor('Passed · 3 of 3 cases');
    expect(readFileSync(workspaceFile(config), 'utf8')).toBe(SOLUTION);
  });
});
