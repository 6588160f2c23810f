import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { elementsByLine } from '../../../test/helpers/spot-elements.js';
import { waitFor } from '../../../test/helpers/wait.js';
import type { SpotQuestion } from '../../content/index.js';
import { gradeSpot, spotReducer, startSpot, type SpotFinding } from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Spot } from './Spot.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
const RIGHT = '\u001b[C';
const policy = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "iam:PassRole",
    "Resource": "*"
  }]
}`;
const elementsOf = (text: string) =>
  elementsByLine(text, { 2: '/Version', 3: '/Statement/0', 4: '/Statement/0/Effect', 5: '/Statement/0/Action', 6: '/Statement/0/Resource' });
const base = { packId: 't', topics: ['privilege-escalation'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };
const question: SpotQuestion = {
  ...base, id: 'passrole', key: 't/passrole', level: 'advanced', type: 'spot',
  prompt: 'Which element makes this policy dangerous?', policy, bug: '/Statement/0/Resource', why: 'PassRole on every role lets the holder hand any role to a service.',
};
const findings: SpotFinding[] = [{ code: 'PassRoleWildcard', severity: 'security', message: 'iam:PassRole applies to every role', pointer: '/Statement/0/Resource', help: 'name the roles' }];

function mount() {
  function Harness() {
    const [state, setState, ref] = useStateRef(() => startSpot([question], elementsOf));
    return (
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <Spot
          state={state}
          latest={() => ref.current}
          title="Spot the bug"
          onAction={(a) => setState((s) => spotReducer(s, a, elementsOf))}
          onSubmit={() => {
            const graded = gradeSpot(ref.current, () => findings);
            if (!('incomplete' in graded)) setState((s) => spotReducer(s, { type: 'answered', outcome: graded }, elementsOf));
          }}
          onLeave={() => undefined}
        />
      </ThemeContext.Provider>
    );
  }
  const app = render(<Harness />);
  const screen = (text: string | RegExp) => waitFor(() => app.lastFrame() ?? '', (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, screen, press };
}

describe('spot screen', () => {
  it('shows the policy with line numbers and the selected element', async () => {
    const { screen } = mount();
    const frame = await screen('Selected: /Version');
    expect(frame).toMatch(/1\s+\{/);
    expect(frame).toMatch(/2 ›\s+"Version": "2012-10-17",/);
    expect(frame).toMatch(/5\s+"Action": "iam:PassRole",/);
  });

  it('moves line by line and element by element', async () => {
    const { screen, press } = mount();
    await screen('Selected: /Version');
    await press(DOWN, DOWN);
    await screen('Selected: /Statement/0/Effect');
    await press(RIGHT, 'l');
    const frame = await screen('Selected: /Statement/0/Resource');
    expect(frame).toMatch(/6 ›\s+"Resource": "\*"/);
  });

  it('accepts the faulty element and shows why with the validator finding', async () => {
    const { screen, press } = mount();
    await screen('Selected: /Version');
    await press('j', 'j', 'j', 'j', ENTER);
    const frame = await screen('✓ Correct');
    expect(frame).toContain('PassRole on every role');
    expect(frame).toContain('security PassRoleWildcard: iam:PassRole applies to every role (help: name the roles)');
    expect(frame).toMatch(/6 ✓\s+"Resource"/);
  });

  it('marks a wrong pick and the real faulty element', async () => {
    const { screen, press } = mount();
    await screen('Selected: /Version');
    await press('j', 'j', 'j', ENTER);
    const frame = await screen('Not quite');
    expect(frame).toMatch(/5  ✗\s+"Action"/);
    expect(frame).toMatch(/6 ✓ \s+"Resource"/);
    await press(ENTER);
    await screen('Score: 0 of 1');
  });
});
