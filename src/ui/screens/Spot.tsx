import { Box, Text, useStdout } from 'ink';
import { useKeys } from '../hooks/use-latest.js';
import { Footer } from '../components/Footer.js';
import { currentSpotQuestion, summarizeSpot, type SpotAction, type SpotElement, type SpotState } from '../../study/index.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';
import { ModeFinished } from './Predict.js';

export interface SpotProps {
  state: SpotState;
  /** The state as of the last key, which may be newer than the one rendered. */
  latest(): SpotState;
  title: string;
  message?: string;
  /** Apply with `spotReducer(state, action, ports.elementsOf)`. */
  onAction(action: SpotAction): void;
  /** Grade with `gradeSpot(latest, ports.findingsFor)`: save, then apply `{type: 'answered', outcome}`. */
  onSubmit(): void;
  onLeave(): void;
}

export function Spot({ state, latest, title, message, onAction, onSubmit, onLeave }: SpotProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const q = currentSpotQuestion(state);
  const outcome = state.phase === 'feedback' ? state.outcomes[state.outcomes.length - 1] : undefined;

  useKeys((input, key) => {
    const s = latest();
    if (s.phase === 'done') {
      if (is('select', input, key) || is('back', input, key)) onLeave();
      return;
    }
    if (is('back', input, key)) return onLeave();
    if (s.phase === 'feedback') {
      if (is('next', input, key)) onAction({ type: 'next' });
      return;
    }
    if (is('up', input, key)) onAction({ type: 'moveLine', delta: -1 });
    else if (is('down', input, key)) onAction({ type: 'moveLine', delta: 1 });
    else if (is('left', input, key)) onAction({ type: 'move', delta: -1 });
    else if (is('right', input, key)) onAction({ type: 'move', delta: 1 });
    else if (is('submit', input, key)) onSubmit();
  });

  if (!q) return <ModeFinished title={title} summary={summarizeSpot(state)} />;
  const selected = state.elements[state.cursor];
  const bug = outcome ? state.elements.find((e) => e.pointer === outcome.question.bug) : undefined;
  const chosen = outcome ? state.elements.find((e) => e.pointer === outcome.chosen) : selected;
  const lines = q.policy.replace(/\s+$/, '').split('\n');
  // Room for the code: the rest goes to the header, prompt, selection line, feedback and footer.
  const feedbackRows = outcome ? 4 + outcome.findings.length * 2 : 0;
  const room = Math.max(5, (stdout.rows || 24) - 9 - feedbackRows - (message ? 1 : 0));
  const focusLine = (outcome ? bug ?? chosen : selected)?.line ?? 1;
  const first = Math.max(0, Math.min(lines.length - room, focusLine - 1 - Math.floor(room / 2)));
  const window = lines.slice(first, first + room);
  const numberWidth = String(lines.length).length;

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text color={theme.color('muted')} wrap="truncate-end">{`${title} · question ${state.index + 1} of ${state.questions.length} · ${q.level}${q.topics[0] ? ` · ${q.topics[0]}` : ''}`}</Text>
      {outcome ? (
        <Text bold color={outcome.correct ? theme.color('good') : theme.color('bad')}>
          {outcome.correct ? `${symbols.correct} Correct: that is the faulty element` : `${symbols.wrong} Not quite: the faulty element is marked ✓, yours ✗`}
        </Text>
      ) : null}
      <Text bold>{q.prompt.trim()}</Text>
      <Box flexDirection="column" marginTop={1}>
        {first > 0 ? <Text color={theme.color('muted')}>{`${' '.repeat(numberWidth + 3)}↑ ${first} more line${first === 1 ? '' : 's'}`}</Text> : null}
        {window.map((text, i) => {
          const line = first + i + 1;
          const marks = outcome
            ? `${bug && covers(bug, line) ? symbols.correct : ' '}${chosen && !outcome.correct && covers(chosen, line) ? symbols.wrong : ' '}`
            : `${selected && covers(selected, line) ? symbols.pointer : ' '} `;
          const highlight = outcome ? bug : selected;
          return (
            <Text key={line}>
              <Text color={theme.color('muted')}>{`${String(line).padStart(numberWidth)} ${marks} `}</Text>
              <CodeLine text={text} line={line} highlight={highlight} color={outcome ? theme.color('good') : theme.color('accent')} />
            </Text>
          );
        })}
        {first + room < lines.length ? <Text color={theme.color('muted')}>{`${' '.repeat(numberWidth + 3)}↓ ${lines.length - first - room} more line${lines.length - first - room === 1 ? '' : 's'}`}</Text> : null}
      </Box>
      {outcome ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{q.why.trim()}</Text>
          {outcome.findings.map((f, i) => (
            <Text key={i} color={theme.color('warning')}>{`${f.severity} ${f.code}: ${f.message}${f.help ? ` (help: ${f.help})` : ''}`}</Text>
          ))}
        </Box>
      ) : (
        <Text color={theme.color('muted')} wrap="truncate-end">{selected ? `Selected: ${selected.pointer}  ${selected.label}` : 'This policy has no elements to select.'}</Text>
      )}
      <Footer commands={outcome ? ['next', 'back'] : ['up', 'down', 'left', 'right', 'submit', 'back']} message={message} />
    </Box>
  );
}

function covers(e: SpotElement, line: number): boolean {
  return line >= e.line && line <= e.endLine;
}

/** One line of the policy, with the part inside the highlighted element shown inverse (the gutter marks carry it without colour). */
function CodeLine({ text, line, highlight, color }: { text: string; line: number; highlight?: SpotElement; color?: string }) {
  if (!highlight || !covers(highlight, line)) return <Text>{text}</Text>;
  const from = line === highlight.line ? highlight.column - 1 : 0;
  const to = line === highlight.endLine ? highlight.endColumn - 1 : text.length;
  return (
    <Text>
      {text.slice(0, from)}
      <Text inverse color={color}>
        {text.slice(from, to)}
      </Text>
      {text.slice(to)}
    </Text>
  );
}
