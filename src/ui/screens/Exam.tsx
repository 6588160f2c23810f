import { Box, Text, useStdout, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { Footer } from '../components/Footer.js';
import { CorrectOrder } from '../components/CorrectOrder.js';
import { Bar } from '../components/Bar.js';
import {
  examResult,
  formatCountdown,
  paletteStatus,
  remainingMs,
  type ExamAction,
  type ExamAnswer,
  type ExamQuestion,
  type ExamResult,
  type ExamState,
  type PaletteStatus,
} from '../../study/index.js';
import { is, type Command } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';
import type { Token } from '../theme.js';

export interface ExamProps {
  state: ExamState;
  /** The state as of the last key, which may be newer than the one rendered. */
  latest(): ExamState;
  /** The clock, in epoch ms: the countdown is drawn from it. */
  now(): number;
  title: string;
  message?: string;
  /** Apply with `examReducer(state, action, clock.now())`; a `tick` arrives every second, so a time-out submits without a key. */
  onAction(action: ExamAction): void;
  onLeave(): void;
}

/** Each palette state has its own symbol, so colour is never the only sign. */
export const PALETTE: Record<PaletteStatus, { symbol: string; label: string; token?: Token }> = {
  answered: { symbol: '●', label: 'answered', token: 'good' },
  flagged: { symbol: '⚑', label: 'flagged', token: 'warning' },
  seen: { symbol: '◌', label: 'seen' },
  unseen: { symbol: '○', label: 'unseen', token: 'muted' },
};

/**
 * One key handler for both phases, here at the top: a handler mounted with a
 * phase's view would miss keys typed while it mounts (y then Enter at once).
 */
export function Exam(props: ExamProps) {
  const { state, latest, onAction, onLeave } = props;
  const running = state.phase === 'running';
  useSecondTick(running ? () => onAction({ type: 'tick' }) : undefined);
  const [confirming, setConfirming, confirmingRef] = useStateRef<'submit' | 'leave' | undefined>(undefined);
  const [view, setView, viewRef] = useStateRef<'results' | 'walk'>('results');
  // Header, palette (one row per 19 questions, and its legend), footer and margins.
  const paletteRows = Math.ceil(state.questions.length / 19) + 1;
  const body = useBody(running ? 8 + paletteRows + (props.message || confirming ? 1 : 0) : view === 'results' ? 5 : 8);
  useEffect(() => body.setOffset(0), [state.index, state.phase, view]); // eslint-disable-line react-hooks/exhaustive-deps

  useKeys((input, key) => {
    const s = latest();
    if (is('scrollDown', input, key)) return body.scroll(body.page);
    if (is('scrollUp', input, key)) return body.scroll(-body.page);
    if (s.phase === 'running') return runningKey(s, input, key);
    if (is('down', input, key)) return body.scroll(1);
    if (is('up', input, key)) return body.scroll(-1);
    if (viewRef.current === 'results') {
      if (is('select', input, key)) setView('walk');
      else if (is('back', input, key)) onLeave();
      return;
    }
    if (is('prevQuestion', input, key)) onAction({ type: 'step', delta: -1 });
    else if (is('nextQuestion', input, key) || is('select', input, key)) {
      if (is('select', input, key) && s.index === s.questions.length - 1) setView('results');
      else onAction({ type: 'step', delta: 1 });
    } else if (is('back', input, key)) setView('results');
  });

  const runningKey = (s: ExamState, input: string, key: Key) => {
    const pending = confirmingRef.current;
    if (pending) {
      setConfirming(undefined);
      if (is('confirm', input, key)) {
        if (pending === 'submit') onAction({ type: 'submit' });
        else onLeave();
      }
      return;
    }
    const current = s.questions[s.index]!;
    if (is('back', input, key)) return setConfirming('leave');
    if (is('finishExam', input, key)) return setConfirming('submit');
    if (is('flag', input, key)) return onAction({ type: 'flag' });
    if (is('prevQuestion', input, key)) return onAction({ type: 'step', delta: -1 });
    if (is('nextQuestion', input, key)) return onAction({ type: 'step', delta: 1 });
    if (is('jump', input, key)) {
      const target = nextOpen(s);
      if (target !== undefined) onAction({ type: 'goto', index: target });
      return;
    }
    if (is('up', input, key)) return onAction({ type: 'move', delta: -1 });
    if (is('down', input, key)) return onAction({ type: 'move', delta: 1 });
    if (is('number', input, key)) return onAction({ type: 'choose', row: Number(input) - 1 });
    if (current.type === 'order' && is('undoPick', input, key)) return onAction({ type: 'undoPick' });
    if (is('toggle', input, key) || is('select', input, key)) return onAction({ type: 'toggle' });
  };

  return running ? <Running {...props} body={body} confirming={confirming} /> : <Review {...props} body={body} view={view} />;
}

type Body = ReturnType<typeof useBody>;

/** Re-renders every second while mounted, and tells the owner so the reducer sees the time. */
function useSecondTick(onTick?: () => void) {
  const [, setTick] = useState(0);
  const tick = useRef(onTick);
  tick.current = onTick;
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      tick.current?.();
    }, 1000);
    return () => clearInterval(timer);
  }, []);
}

function useBody(extraRows: number) {
  const { stdout } = useStdout();
  const height = stdout.rows ? Math.max(4, stdout.rows - extraRows) : undefined;
  const [offset, setOffset, offsetRef] = useStateRef(0);
  const max = useRef(0);
  const scroll = (delta: number) => setOffset(Math.max(0, Math.min(max.current, offsetRef.current + delta)));
  return { height, offset, setOffset, scroll, onMeasure: (m: number) => (max.current = m), page: Math.max(1, (height ?? 10) - 2), columns: stdout.columns || 80 };
}

function Running({ state, now, title, message, body, confirming }: ExamProps & { body: Body; confirming?: 'submit' | 'leave' }) {
  const theme = useTheme();
  const q = state.questions[state.index]!;

  const left = remainingMs(state, now());
  const unanswered = state.answers.filter((a) => a === undefined).length;
  const flagged = state.flagged.filter(Boolean).length;
  const lowTime = left < 60_000;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Box>
        <Box flexGrow={1}>
          <Text color={theme.color('muted')} wrap="truncate-end">{`${title} · question ${state.index + 1} of ${state.questions.length} · ${q.level}`}</Text>
        </Box>
        <Text bold color={lowTime ? theme.color('bad') : theme.color('accent')}>{`⏱ ${formatCountdown(left)} left`}</Text>
      </Box>
      <Palette state={state} />
      <Box marginTop={1} flexDirection="column">
        <ScrollArea height={body.height} offset={body.offset} onMeasure={body.onMeasure}>
          <Text bold>
            {state.flagged[state.index] ? `${PALETTE.flagged.symbol} ` : ''}
            {q.prompt.trim()}
          </Text>
          {q.type === 'multiple' ? <Text color={theme.color('muted')}>(select all that apply)</Text> : null}
          {q.type === 'order' ? <Text color={theme.color('muted')}>(press the numbers in the right order; Backspace undoes a pick)</Text> : null}
          <Box marginTop={1} flexDirection="column">
            <Rows question={q} shown={state.shown[state.index]!} answer={state.answers[state.index]} cursor={state.cursor} />
          </Box>
        </ScrollArea>
      </Box>
      <Footer
        commands={runningFooter(q)}
        message={
          confirming === 'submit'
            ? `submit the exam now? ${unanswered} unanswered, ${flagged} flagged — y to submit, any other key to go on`
            : confirming === 'leave'
              ? 'leave the exam? nothing is scored — y to leave, any other key to go on'
              : message
        }
      />
    </Box>
  );
}

function runningFooter(q: ExamQuestion): Command[] {
  const answer: Command[] = q.type === 'multiple' ? ['up', 'down', 'toggle'] : q.type === 'order' ? ['number', 'undoPick'] : ['up', 'down', 'number'];
  return [...answer, 'flag', 'prevQuestion', 'nextQuestion', 'jump', 'finishExam', 'back'];
}

/** The next question after the current one that is flagged or unanswered, wrapping around. */
function nextOpen(state: ExamState): number | undefined {
  const n = state.questions.length;
  for (let step = 1; step < n; step++) {
    const i = (state.index + step) % n;
    if (state.flagged[i] || state.answers[i] === undefined) return i;
  }
  return undefined;
}

function Palette({ state }: { state: ExamState }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Box flexWrap="wrap">
        {state.questions.map((_, i) => {
          const status = PALETTE[paletteStatus(state, i)];
          const current = i === state.index;
          const label = `${i + 1}${status.symbol}`;
          return (
            <Text key={i} color={status.token ? theme.color(status.token) : undefined} bold={current} inverse={current}>
              {current ? `[${label}]` : ` ${label} `}
            </Text>
          );
        })}
      </Box>
      <Text color={theme.color('muted')} wrap="truncate-end">
        {(['answered', 'flagged', 'seen', 'unseen'] as const).map((s) => `${PALETTE[s].symbol} ${PALETTE[s].label}`).join('  ')}
      </Text>
    </Box>
  );
}

/** The rows of a question; with `reveal`, the right answers and the learner's are marked. */
function Rows({ question: q, shown, answer, cursor, reveal = false }: { question: ExamQuestion; shown: number[]; answer: ExamAnswer | undefined; cursor: number; reveal?: boolean }) {
  const theme = useTheme();
  const pointer = (row: number) => (!reveal && row === cursor ? symbols.pointer : ' ');
  if (q.type === 'order') {
    const sequence = answer && 'sequence' in answer ? answer.sequence : [];
    return (
      <>
        {shown.map((item, row) => {
          const position = sequence.indexOf(item);
          return (
            <Text key={row} color={!reveal && row === cursor ? theme.color('accent') : undefined}>
              {`${pointer(row)} ${row + 1}. ${q.items[item]!.trim()}${position >= 0 ? `  [${position + 1}]` : ''}`}
            </Text>
          );
        })}
        {reveal ? <CorrectOrder items={q.items} /> : null}
      </>
    );
  }
  const rows =
    q.type === 'truefalse'
      ? [
          { text: 'True', correct: q.answer === true, chosen: answer !== undefined && 'value' in answer && answer.value === true, why: undefined },
          { text: 'False', correct: q.answer === false, chosen: answer !== undefined && 'value' in answer && answer.value === false, why: undefined },
        ]
      : shown.map((i) => ({ ...q.choices[i]!, chosen: answer !== undefined && 'choices' in answer && answer.choices.includes(i) }));
  return (
    <>
      {rows.map((row, r) => {
        const mark = q.type === 'multiple' ? (row.chosen ? symbols.checked : symbols.unchecked) : row.chosen ? symbols.selected : symbols.unselected;
        const verdict = reveal ? (row.correct ? symbols.correct : row.chosen ? symbols.wrong : ' ') : ' ';
        const color = reveal ? (row.correct ? theme.color('good') : row.chosen ? theme.color('bad') : undefined) : r === cursor ? theme.color('accent') : undefined;
        return (
          <Box key={r} flexDirection="column">
            <Box>
              <Box flexShrink={0}>
                <Text color={color}>{`${pointer(r)}${verdict} ${mark} ${r + 1}. `}</Text>
              </Box>
              <Text color={color}>{row.text.trim()}</Text>
            </Box>
            {reveal && !row.correct && row.why ? <Text color={theme.color('muted')}>{`        why not: ${row.why.trim()}`}</Text> : null}
          </Box>
        );
      })}
    </>
  );
}

function Review({ state, title, body, view }: ExamProps & { body: Body; view: 'results' | 'walk' }) {
  const theme = useTheme();
  const result = examResult(state);

  if (view === 'results') {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold color={theme.color('heading')}>{`${title}: ${result.endedBy === 'timeout' ? 'time is up' : 'submitted'}`}</Text>
        <ScrollArea height={body.height} offset={body.offset} onMeasure={body.onMeasure}>
          <Results result={result} />
        </ScrollArea>
        <Footer commands={['select', 'back']} message={undefined} />
      </Box>
    );
  }
  const item = result.items[state.index]!;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text color={theme.color('muted')} wrap="truncate-end">{`${title} · review ${state.index + 1} of ${state.questions.length} · ${item.question.level}${item.question.topics[0] ? ` · ${item.question.topics[0]}` : ''}`}</Text>
      <Text bold color={item.correct ? theme.color('good') : theme.color('bad')}>
        {item.correct ? `${symbols.correct} Correct` : item.answer ? `${symbols.wrong} Not quite — the right answer is marked ✓` : `${symbols.wrong} Not answered — the right answer is marked ✓`}
        {item.flagged ? `   ${PALETTE.flagged.symbol} you flagged this one` : ''}
      </Text>
      <Box marginTop={1} flexDirection="column">
        <ScrollArea height={body.height} offset={body.offset} onMeasure={body.onMeasure}>
          <Text bold>{item.question.prompt.trim()}</Text>
          <Box marginTop={1} flexDirection="column">
            <Rows question={item.question} shown={state.shown[state.index]!} answer={item.answer} cursor={-1} reveal />
          </Box>
          {item.question.explanation ? (
            <Box marginTop={1}>
              <Text>{item.question.explanation.trim()}</Text>
            </Box>
          ) : null}
          {item.question.references.map((r) => (
            <Text key={r.url} color={theme.color('muted')}>{`See: ${r.title} — ${r.url}`}</Text>
          ))}
        </ScrollArea>
      </Box>
      <Footer commands={['prevQuestion', 'nextQuestion', 'scrollDown', 'back']} />
    </Box>
  );
}

function Results({ result }: { result: ExamResult }) {
  const theme = useTheme();
  const percent = result.total === 0 ? 0 : Math.round((result.correct / result.total) * 100);
  const minutes = Math.floor(result.usedMs / 60_000);
  const seconds = Math.round((result.usedMs % 60_000) / 1000);
  const line = (name: string, correct: number, total: number) => (
    <Text key={name}>
      {`  ${name.slice(0, 36).padEnd(36)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} `}
      <Bar value={correct} total={total} />
    </Text>
  );
  return (
    <Box flexDirection="column">
      <Text bold>{`Score: ${result.correct} of ${result.total} (${percent}%)`}</Text>
      <Text color={theme.color('muted')}>{`Time used: ${minutes}m ${String(seconds).padStart(2, '0')}s${result.unanswered > 0 ? ` · ${result.unanswered} unanswered (counted wrong)` : ''}`}</Text>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>By level</Text>
        {result.byLevel.map((l) => line(l.name, l.correct, l.total))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>By topic (weakest first)</Text>
        {result.byTopic.map((t) => line(t.name, t.correct, t.total))}
      </Box>
      <Box marginTop={1}>
        {result.missed.length === 0 ? (
          <Text color={theme.color('good')}>{`${symbols.correct} Nothing missed.`}</Text>
        ) : (
          <Text>{`${symbols.bullet} ${result.missed.length} missed question${result.missed.length === 1 ? '' : 's'} will come back for review tomorrow. Press Enter to walk through every answer.`}</Text>
        )}
      </Box>
    </Box>
  );
}
