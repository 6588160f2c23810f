import { Box, Text, useStdout } from 'ink';
import { useKeys } from '../hooks/use-latest.js';
import { useScroll } from '../hooks/use-scroll.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { currentQuestion, type AnswerOutcome, type QuizAction, type QuizQuestion, type QuizState, type SelfRating } from '../../study/index.js';
import { Footer } from '../components/Footer.js';
import { CorrectOrder } from '../components/CorrectOrder.js';
import { is, type Command } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface QuizProps {
  state: QuizState;
  /** The state as of the last key, which may be newer than the one rendered. */
  latest(): QuizState;
  title: string;
  message?: string;
  onAction(action: QuizAction): void;
  onSubmit(): void;
  onRate(rating: SelfRating): void;
  onLeave(): void;
  /** `u` after an answer: take it back (and its rating). */
  onUndo?(): void;
}

export function Quiz({ state, latest, title, message, onAction, onSubmit, onRate, onLeave, onUndo }: QuizProps) {
  const theme = useTheme();
  const q = currentQuestion(state);
  const outcome = state.phase === 'feedback' ? state.outcomes[state.outcomes.length - 1] : undefined;
  const { stdout } = useStdout();
  // Header, footer and their margins take six rows; the rest scrolls.
  const bodyHeight = stdout.rows ? Math.max(4, stdout.rows - 6 - (message ? 1 : 0) - (outcome ? 1 : 0)) : undefined;
  const { offset, page, scroll, onMeasure } = useScroll(bodyHeight, [state.index, state.phase]);

  useKeys((input, key) => {
    const state = latest();
    const q = currentQuestion(state);
    if (!q) return;
    if (is('back', input, key)) return onLeave();
    if (is('scrollDown', input, key)) return scroll(page);
    if (is('scrollUp', input, key)) return scroll(-page);
    // Where the arrows have nothing else to do, they scroll.
    if (state.phase === 'feedback' || state.phase === 'revealed') {
      if (is('down', input, key)) return scroll(1);
      if (is('up', input, key)) return scroll(-1);
    }
    if (state.phase === 'feedback') {
      if (is('next', input, key)) onAction({ type: 'next' });
      else if (onUndo && is('undo', input, key)) onUndo();
      return;
    }
    if (q.type === 'recall') {
      if (state.phase === 'answering' && is('reveal', input, key)) onAction({ type: 'reveal' });
      else if (state.phase === 'revealed' && is('rate', input, key)) onRate(Number(input) as SelfRating);
      return;
    }
    if (is('up', input, key)) onAction({ type: 'move', delta: -1 });
    else if (is('down', input, key)) onAction({ type: 'move', delta: 1 });
    else if (is('number', input, key)) onAction({ type: 'choose', index: Number(input) - 1 });
    else if (is('toggle', input, key)) onAction({ type: 'toggle' });
    else if (q.type === 'order' && is('undoPick', input, key)) onAction({ type: 'undoPick' });
    else if (is('submit', input, key)) onSubmit();
  });

  if (!q) return null;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text color={theme.color('muted')} wrap="truncate-end">
        {`${title} · question ${state.index + 1} of ${state.questions.length} · ${q.level}${q.topics[0] ? ` · ${q.topics[0]}` : ''}`}
      </Text>
      {outcome ? <Verdict outcome={outcome} /> : null}
      <Box marginTop={1} flexDirection="column">
        <ScrollArea height={bodyHeight} offset={offset} onMeasure={onMeasure}>
          <Text bold>{q.prompt.trim()}</Text>
          {q.type === 'multiple' && state.phase === 'answering' ? <Text color={theme.color('muted')}>(select all that apply)</Text> : null}
          <Box marginTop={1} flexDirection="column">
            <AnswerRows state={state} question={q} outcome={outcome} />
          </Box>
          {outcome ? <Feedback outcome={outcome} /> : null}
        </ScrollArea>
      </Box>
      <Footer commands={footerFor(q, state, !!onUndo)} message={message} />
    </Box>
  );
}

function footerFor(q: QuizQuestion, state: QuizState, canUndo: boolean): Command[] {
  if (state.phase === 'feedback') return canUndo ? ['next', 'undo', 'back'] : ['next', 'back'];
  if (q.type === 'recall') return state.phase === 'answering' ? ['reveal', 'back'] : ['rate', 'back'];
  if (q.type === 'multiple') return ['up', 'down', 'toggle', 'submit', 'back'];
  if (q.type === 'order') return ['number', 'undoPick', 'submit', 'back'];
  return ['up', 'down', 'number', 'submit', 'back'];
}

function AnswerRows({ state, question: q, outcome }: { state: QuizState; question: QuizQuestion; outcome?: AnswerOutcome }) {
  const theme = useTheme();
  const done = !!outcome;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          {state.shownChoices.map((i, row) => {
            const choice = q.choices[i]!;
            const chosen = done ? Array.isArray(outcome.given) && outcome.given.includes(i) : q.type === 'single' ? row === state.cursor : state.selected.includes(i);
            const mark = q.type === 'multiple' ? (chosen ? symbols.checked : symbols.unchecked) : chosen ? symbols.selected : symbols.unselected;
            const verdict = done ? (choice.correct ? symbols.correct : chosen ? symbols.wrong : ' ') : ' ';
            const color = done ? (choice.correct ? theme.color('good') : chosen ? theme.color('bad') : undefined) : row === state.cursor ? theme.color('accent') : undefined;
            return (
              <Box key={i} flexDirection="column">
                <Row prefix={`${!done && row === state.cursor ? symbols.pointer : ' '}${verdict} ${mark} ${row + 1}. `} color={color}>
                  {choice.text.trim()}
                </Row>
                {done && !choice.correct && choice.why ? (
                  <Row prefix="        " color={theme.color('muted')}>
                    {`why not: ${choice.why.trim()}`}
                  </Row>
                ) : null}
              </Box>
            );
          })}
        </>
      );
    case 'truefalse':
      return (
        <>
          {['True', 'False'].map((label, i) => {
            const value = i === 0;
            const chosen = done ? outcome.given === value : i === state.cursor;
            const verdict = done ? (value === q.answer ? symbols.correct : chosen ? symbols.wrong : ' ') : ' ';
            const color = done ? (value === q.answer ? theme.color('good') : chosen ? theme.color('bad') : undefined) : i === state.cursor ? theme.color('accent') : undefined;
            return (
              <Text key={label} color={color}>
                {`${!done && i === state.cursor ? symbols.pointer : ' '}${verdict} ${chosen ? symbols.selected : symbols.unselected} ${i + 1}. ${label}`}
              </Text>
            );
          })}
        </>
      );
    case 'order':
      return (
        <>
          {state.shownOrder.map((item, row) => {
            const position = state.sequence.indexOf(item);
            return (
              <Text key={row} color={!done && row === state.cursor ? theme.color('accent') : position >= 0 ? theme.color('muted') : undefined}>
                {`${!done && row === state.cursor ? symbols.pointer : ' '} ${row + 1}. ${q.items[item]!.trim()}${position >= 0 ? `  [${position + 1}]` : ''}`}
              </Text>
            );
          })}
          <Text color={theme.color('muted')}>{done ? '' : `Press the numbers in the right order (${state.sequence.length}/${q.items.length} picked).`}</Text>
          {done ? <CorrectOrder items={q.items} /> : null}
        </>
      );
    case 'recall':
      return state.phase === 'answering' ? (
        <Text color={theme.color('muted')}>Answer in your head (or out loud), then press Enter to see the model answer.</Text>
      ) : (
        <Box flexDirection="column">
          <Text bold>Model answer:</Text>
          <Text>{q.answer.trim()}</Text>
          {state.phase === 'revealed' ? <Text color={theme.color('accent')}>How well did you recall it? 1 again · 2 hard · 3 good · 4 easy</Text> : null}
        </Box>
      );
  }
}

/** Right or wrong, always in view above the scrolling part, with a symbol as well as colour. */
function Verdict({ outcome }: { outcome: AnswerOutcome }) {
  const theme = useTheme();
  return (
    <Text bold color={outcome.correct ? theme.color('good') : theme.color('bad')}>
      {outcome.correct ? `${symbols.correct} Correct` : `${symbols.wrong} Not quite`}
      {outcome.question.type === 'recall' ? ` (you rated ${outcome.given as number})` : ''}
      {!outcome.correct && outcome.question.type !== 'recall' ? ' — the right answer is marked ✓' : ''}
    </Text>
  );
}

function Feedback({ outcome }: { outcome: AnswerOutcome }) {
  const theme = useTheme();
  const q = outcome.question;
  return (
    <Box flexDirection="column" marginTop={1}>
      {q.explanation ? <Text>{q.explanation.trim()}</Text> : null}
      {q.references.map((r) => (
        <Text key={r.url} color={theme.color('muted')}>{`See: ${r.title} — ${r.url}`}</Text>
      ))}
    </Box>
  );
}

/** A prefix and text whose wrapped lines stay indented under the text, not under the prefix. */
function Row({ prefix, color, children }: { prefix: string; color?: string; children: string }) {
  return (
    <Box>
      <Box flexShrink={0}>
        <Text color={color}>{prefix}</Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text color={color}>{children}</Text>
      </Box>
    </Box>
  );
}
