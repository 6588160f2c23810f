import { Box, Text, useStdout } from 'ink';
import { useKeys } from '../hooks/use-latest.js';
import { useScroll } from '../hooks/use-scroll.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { Footer } from '../components/Footer.js';
import {
  currentPredictQuestion,
  decisionLabel,
  DECISIONS,
  policyBlocks,
  requestLines,
  summarizePredict,
  type ModeSummary,
  type PredictAction,
  type PredictState,
} from '../../study/index.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface PredictProps {
  state: PredictState;
  /** The state as of the last key, which may be newer than the one rendered. */
  latest(): PredictState;
  title: string;
  message?: string;
  /** Apply with `predictReducer`. */
  onAction(action: PredictAction): void;
  /** Grade with `gradePredict(latest, decidePort)`: save, then apply `{type: 'answered', outcome}`; an error goes to `message`. */
  onSubmit(): void;
  onLeave(): void;
}

/**
 * Policies and a request scroll above; the three answers stay in view below
 * them, so a long policy never hides the choice.
 */
export function Predict({ state, latest, title, message, onAction, onSubmit, onLeave }: PredictProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const q = currentPredictQuestion(state);
  const outcome = state.phase === 'feedback' ? state.outcomes[state.outcomes.length - 1] : undefined;
  // Header, answers (or verdict), footer and margins.
  const bodyHeight = stdout.rows ? Math.max(4, stdout.rows - (outcome ? 8 : 11) - (message ? 1 : 0)) : undefined;
  const { offset, page, scroll, onMeasure } = useScroll(bodyHeight, [state.index, state.phase]);

  useKeys((input, key) => {
    const s = latest();
    if (s.phase === 'done') {
      if (is('select', input, key) || is('back', input, key)) onLeave();
      return;
    }
    if (is('back', input, key)) return onLeave();
    if (is('scrollDown', input, key)) return scroll(page);
    if (is('scrollUp', input, key)) return scroll(-page);
    if (s.phase === 'feedback') {
      if (is('down', input, key)) return scroll(1);
      if (is('up', input, key)) return scroll(-1);
      if (is('next', input, key)) onAction({ type: 'next' });
      return;
    }
    if (is('up', input, key)) onAction({ type: 'move', delta: -1 });
    else if (is('down', input, key)) onAction({ type: 'move', delta: 1 });
    else if (is('number', input, key)) onAction({ type: 'choose', row: Number(input) - 1 });
    else if (is('submit', input, key)) onSubmit();
  });

  if (!q) return <ModeFinished title={title} summary={summarizePredict(state)} />;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text color={theme.color('muted')} wrap="truncate-end">{`${title} · question ${state.index + 1} of ${state.questions.length} · ${q.level}${q.topics[0] ? ` · ${q.topics[0]}` : ''}`}</Text>
      {outcome ? (
        <Text bold color={outcome.correct ? theme.color('good') : theme.color('bad')}>
          {outcome.correct ? `${symbols.correct} Correct: ${decisionLabel(outcome.decision).toLowerCase()}` : `${symbols.wrong} Not quite: AWS decides ${decisionLabel(outcome.decision).toLowerCase()}`}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <ScrollArea height={bodyHeight} offset={offset} onMeasure={onMeasure}>
          <Text bold>{q.prompt.trim()}</Text>
          {outcome ? (
            <Box flexDirection="column" marginTop={1}>
              <Text bold>How the evaluator decided:</Text>
              <Text>{outcome.trace.trim()}</Text>
              {q.explanation ? (
                <Box marginTop={1}>
                  <Text>{q.explanation.trim()}</Text>
                </Box>
              ) : null}
              {q.references.map((r) => (
                <Text key={r.url} color={theme.color('muted')}>{`See: ${r.title} — ${r.url}`}</Text>
              ))}
            </Box>
          ) : null}
          <Box flexDirection="column" marginTop={1}>
            <Text bold>Request</Text>
            {requestLines(q.request).map((line) => (
              <Text key={line}>{`  ${line}`}</Text>
            ))}
          </Box>
          {policyBlocks(q.policies).map((block, i) => (
            <Box key={i} flexDirection="column" marginTop={1}>
              <Text bold>{block.label}</Text>
              <Text>{block.text}</Text>
            </Box>
          ))}
        </ScrollArea>
      </Box>
      {outcome ? null : (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>What does AWS decide?</Text>
          {DECISIONS.map((d, row) => {
            const here = row === state.cursor;
            return (
              <Text key={d.decision} color={here ? theme.color('accent') : undefined}>
                {`${here ? symbols.pointer : ' '} ${here ? symbols.selected : symbols.unselected} ${row + 1}. ${d.label}`}
              </Text>
            );
          })}
        </Box>
      )}
      {outcome ? <Text>{`You said: ${decisionLabel(outcome.given).toLowerCase()}`}</Text> : null}
      <Footer commands={outcome ? ['next', 'scrollDown', 'back'] : ['up', 'down', 'number', 'submit', 'scrollDown', 'back']} message={message} />
    </Box>
  );
}

/** The end of a predict or spot round: the score and what was missed. */
export function ModeFinished({ title, summary }: { title: string; summary: ModeSummary }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.color('heading')}>{`${title}: finished`}</Text>
      <Text bold>{`Score: ${summary.correct} of ${summary.total}`}</Text>
      {summary.missed.length === 0 ? (
        <Text color={theme.color('good')}>{`${symbols.correct} Nothing missed.`}</Text>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Missed</Text>
          {summary.missed.slice(0, 8).map((m) => (
            <Text key={m.key} color={theme.color('bad')} wrap="truncate-end">{`  ${symbols.wrong} ${m.prompt.trim().split('\n')[0]}`}</Text>
          ))}
        </Box>
      )}
      <Footer commands={['select', 'back']} />
    </Box>
  );
}
