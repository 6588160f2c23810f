/**
 * The conformance corpus: every line of test/cases/*.jsonl is a request
 * whose decision was taken from the AWS documentation page in its `doc`
 * field. Each line becomes one test, so a regression names the rule it
 * broke. See test/cases/README.md for the format.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, type Decision, type EvalRequest, type PolicySet } from '../src/policy/index.js';

interface CorpusCase {
  id: string;
  policies: PolicySet;
  request: EvalRequest;
  expect?: Decision;
  expectError?: 'InvalidPolicy';
  doc: string;
  why: string;
  /** The file the case came from, without `.jsonl`. */
  group: string;
}

const MINIMUM_CASES = 400;
const DECISIONS: readonly string[] = ['allowed', 'explicitDeny', 'implicitDeny'];
const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

function loadCorpus(): CorpusCase[] {
  const files = readdirSync(casesDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  return files.flatMap((file) => {
    const group = file.slice(0, -'.jsonl'.length);
    return readFileSync(join(casesDir, file), 'utf8')
      .split('\n')
      .map((line, index) => ({ line: line.trim(), number: index + 1 }))
      .filter(({ line }) => line !== '')
      .map(({ line, number }) => {
        try {
          return { ...(JSON.parse(line) as Omit<CorpusCase, 'group'>), group };
        } catch (error) {
          // A broken corpus line is a bug in the corpus: fail loudly with its place.
          throw new Error(`${file}:${number} is not valid JSON: ${(error as Error).message}`);
        }
      });
  });
}

const corpus = loadCorpus();

describe('the conformance corpus', () => {
  it(`holds at least ${MINIMUM_CASES} cases`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(MINIMUM_CASES);
  });

  it('cites an AWS documentation URL and a reason for every case', () => {
    const undocumented = corpus
      .filter((c) => typeof c.doc !== 'string' || !/^https:\/\/docs\.aws\.amazon\.com\/\S+$/.test(c.doc) || !c.why?.trim())
      .map((c) => c.id);
    expect(undocumented).toEqual([]);
  });

  it('gives every case a unique id prefixed by its group', () => {
    const ids = corpus.map((c) => c.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(corpus.filter((c) => !c.id.startsWith(`${c.group}-`)).map((c) => c.id)).toEqual([]);
  });

  it('matches the tables it is generated from', () => {
    // build.mjs --check exits non-zero, and so throws here, when a JSONL file is stale.
    const output = execFileSync(process.execPath, [join(casesDir, 'build.mjs'), '--check'], { encoding: 'utf8' });
    expect(output).toContain(`total: ${corpus.length} cases`);
  });

  it('gives every case exactly one valid expectation', () => {
    const malformed = corpus
      .filter((c) => {
        const hasDecision = c.expect !== undefined;
        const hasError = c.expectError !== undefined;
        if (hasDecision === hasError) return true;
        return hasDecision ? !DECISIONS.includes(c.expect as string) : c.expectError !== 'InvalidPolicy';
      })
      .map((c) => c.id);
    expect(malformed).toEqual([]);
  });
});

const groups = [...new Set(corpus.map((c) => c.group))];
for (const group of groups) {
  describe(group, () => {
    for (const c of corpus.filter((entry) => entry.group === group)) {
      it(`${c.id}: ${c.why}`, () => {
        const result = evaluatePolicies(c.policies, c.request);
        if (c.expectError !== undefined) {
          expect(
            result.errors.some((d) => d.severity === 'error'),
            `expected the engine to refuse the policy, but it decided ${result.decision}`,
          ).toBe(true);
          return;
        }
        // Compare decision and errors together so a failure shows both.
        expect({ decision: result.decision, errors: result.errors.map((d) => `${d.code}: ${d.message}`) }).toEqual({
          decision: c.expect,
          errors: [],
        });
      });
    }
  });
}
