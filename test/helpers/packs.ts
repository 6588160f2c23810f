/** Writes small packs into temporary folders for tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MANIFEST = `id: demo
title: Demo pack
version: 1.0.0
topics:
  - { id: roles, title: Roles }
  - { id: policies, title: Policies }
`;

export const GOOD_QUESTIONS = `questions:
  - id: roles-vs-users
    level: beginner
    topics: [roles]
    type: single
    prompt: Which statement about IAM roles is true?
    choices:
      - text: A role has no long-term credentials.
        correct: true
      - text: A role has one access key pair.
        why: Roles never have access keys.
    explanation: Assuming a role yields temporary credentials.
    references:
      - { title: IAM roles, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html" }
  - id: deny-wins
    level: intermediate
    topics: [policies]
    type: truefalse
    prompt: An explicit deny overrides any allow.
    answer: true
`;

/** Creates a pack folder from a map of relative path -> file text; returns its path. */
export function writePack(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'iamprep-pack-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
