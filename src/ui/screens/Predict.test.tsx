import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import type { PredictQuestion } from '../../content/index.js';
import { gradePredict, predictReducer, startPredict, type DecidePort } from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Predict } from './Predict.js';

const ENTER = '\r';
const base = { packId: 't', topics: ['evaluation'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };
const question: PredictQuestion = {
  ...base, id: 'p', key: 't/p', level: 'intermediate', type: 'predict',
  prompt: 'Alice reads a report. What happens?',
  explanation: 'The deny in the SCP wins over the allow.',
  policies: {
    identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }],
    scps: [[{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }]],
  },
  request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv' },
};

/** Stands in for the policy engine: an explicit deny, with a trace. */
const evaluator: DecidePort = { decide: () => ({ decision: 'explicitDeny', trace: 'SCP statement 1 denies s3:GetObject' }) };

function mount(decide: DecidePort = evaluator) {
  let left = false;
  function Harness() {
    const [state, setState, ref] = useStateRef(() => startPredict([question]));
    const [message, setMessage] = useStateRef<string | undefined>(undefined);
    return (
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <Predict
          state={state}
          latest={() => ref.current}
          title="Predict the decision"
          message={message}
          onAction={(a) => setState((s) => predictReducer(s, a))}
          onSubmit={() => {
            const graded = gradePredict(ref.current, decide);
            if ('error' in graded) setMessage(graded.error);
            else setState((s) => predictReducer(s, { type: 'answered', outcome: graded }));
          }}
          onLeave={() => (left = true)}
        />
      </ThemeContext.Provider>
    );
  }
  const app = render(<Harness />);
  const screen = (text: string) => waitFor(() => app.lastFrame() ?? '', (f) => f.includes(text), `"${text}"`);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, screen, press, left: () => left };
}

describe('predict screen', () => {
  it('shows the request, every policy in play and the three answers', async () => {
    const { screen } = mount();
    const frame = await screen('What does AWS decide?');
    expect(frame).toContain('Action:    s3:GetObject');
    expect(frame).toContain('Identity-based policy');
    expect(frame).toContain('SCP at level 1');
    expect(frame).toContain('"Effect": "Deny"');
    expect(frame).toContain('1. Allowed');
    expect(frame).toContain('2. Denied by an explicit deny');
    expect(frame).toContain('3. Denied implicitly');
  });

  it('grades the answer with the evaluator and shows its trace', async () => {
    const { screen, press } = mount();
    await screen('What does AWS decide?');
    await press('1', ENTER);
    const frame = await screen('Not quite');
    expect(frame).toContain('✗ Not quite: AWS decides denied by an explicit deny');
    expect(frame).toContain('SCP statement 1 denies s3:GetObject');
    expect(frame).toContain('The deny in the SCP wins over the allow.');
    expect(frame).toContain('You said: allowed');
  });

  it('says so when the right answer is chosen, then ends with a score', async () => {
    const { screen, press } = mount();
    await screen('What does AWS decide?');
    await press('2', ENTER);
    await screen('✓ Correct: denied by an explicit deny');
    await press(ENTER);
    await screen('Score: 1 of 1');
  });

  it('shows an evaluator error instead of grading', async () => {
    const { screen, press } = mount({ decide: () => ({ error: 'the SCP is not a valid policy' }) });
    await screen('What does AWS decide?');
    await press(ENTER);
    await screen('! the SCP is not a valid policy');
  });
});
