import { Box, Text, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { Footer } from '../components/Footer.js';
import {
  answerElapsedMs,
  currentInterviewQuestion,
  summarizeInterview,
  type InterviewAction,
  type InterviewState,
  type SelfRating,
} from '../../study/index.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface InterviewProps {
  state: InterviewState;
  /** The state as of the last key, which may be newer than the one rendered. */
  latest(): InterviewState;
  /** The clock, in epoch ms: the answer timer and the `now` of `done` actions come from it. */
  now(): number;
  title: string;
  message?: string;
  /** Apply with `interviewReducer`. */
  onAction(action: InterviewAction): void;
  /** Rate the answer: save `rateInterview(latest, rating)`, then apply `{type: 'rated', outcome, now}`. */
  onRate(rating: SelfRating): void;
  onLeave(): void;
}

/**
 * One key handler for every phase, here at the top: a handler mounted with a
 * phase's view would miss keys typed while it mounts (Ctrl+D then Space at once).
 */
export function Interview(props: InterviewProps) {
  const { latest, now, onAction, onRate, onLeave } = props;
  const { stdout } = useStdout();
  const [leaving, setLeaving, leavingRef] = useStateRef(false);
  const [offset, setOffset, offsetRef] = useStateRef(0);
  const maxOffset = useRef(0);
  const bodyHeight = stdout.rows ? Math.max(4, stdout.rows - 7 - (props.message ? 1 : 0)) : undefined;
  const page = Math.max(1, (bodyHeight ?? 10) - 2);
  const scroll = (delta: number) => setOffset(Math.max(0, Math.min(maxOffset.current, offsetRef.current + delta)));
  useEffect(() => setOffset(0), [props.state.index, props.state.phase, setOffset]);

  useKeys((input, key) => {
    const state = latest();
    if (state.phase === 'done') {
      if (is('select', input, key) || is('back', input, key)) onLeave();
      return;
    }
    if (state.phase === 'marking') {
      if (is('back', input, key)) return onLeave();
      if (is('scrollDown', input, key)) return scroll(page);
      if (is('scrollUp', input, key)) return scroll(-page);
      if (is('up', input, key)) return onAction({ type: 'move', delta: -1 });
      if (is('down', input, key)) return onAction({ type: 'move', delta: 1 });
      if (is('toggle', input, key)) return onAction({ type: 'toggleMark' });
      if (is('rate', input, key)) return onRate(Number(input) as SelfRating);
      return;
    }
    if (is('cancel', input, key)) {
      // Esc twice: a stray Esc must not throw away a long answer.
      if (leavingRef.current || state.text.trim() === '') onLeave();
      else setLeaving(true);
      return;
    }
    if (leavingRef.current) setLeaving(false);
    if (is('finishAnswer', input, key)) return onAction({ type: 'done', now: now() });
    if (key.return) return onAction({ type: 'type', text: '\n' });
    if (key.backspace || key.delete) return onAction({ type: 'backspace' });
    if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return;
    if (input) onAction({ type: 'type', text: input });
  });

  if (props.state.phase === 'done') return <Finished {...props} />;
  if (props.state.phase === 'answering') return <Answering {...props} leaving={leaving} />;
  return <Marking {...props} bodyHeight={bodyHeight} offset={offset} onMeasure={(m) => (maxOffset.current = m)} />;
}

function Header({ state, now }: { state: InterviewState; now(): number }) {
  const theme = useTheme();
  const q = currentInterviewQuestion(state)!;
  const [, setTick] = useState(0);
  // The timer runs while answering; afterwards it shows the time taken.
  useEffect(() => {
    if (state.phase !== 'answering') return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [state.phase, state.index]);
  return (
    <Box>
      <Box flexGrow={1}>
        <Text color={theme.color('muted')} wrap="truncate-end">{`Interview · question ${state.index + 1} of ${state.questions.length} · ${q.level}${q.topics[0] ? ` · ${q.topics[0]}` : ''}`}</Text>
      </Box>
      <Text bold color={theme.color('accent')}>{`⏱ ${formatElapsed(answerElapsedMs(state, now()))}`}</Text>
    </Box>
  );
}

/** "mm:ss" of time spent, rounded down. */
function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Hard-wraps text to a width (words kept whole where they fit), so the input box can show its last lines. */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<= )/)) {
      if ((line + word).trimEnd().length <= width) line += word;
      else {
        if (line) out.push(line.trimEnd());
        let rest = word;
        while (rest.trimEnd().length > width) {
          out.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
        line = rest;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

function Answering({ state, now, message, leaving }: InterviewProps & { leaving: boolean }) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const q = currentInterviewQuestion(state)!;
  const width = Math.max(20, (stdout.columns || 80) - 6);
  // Prompt, header, instructions, the box's borders and the footer take about twelve rows.
  const boxRows = Math.max(3, (stdout.rows || 24) - 12 - Math.ceil(q.prompt.trim().length / width));
  const lines = wrapLines(state.text, width - 1);
  const shown = lines.slice(-boxRows);
  const last = shown.length - 1;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Header state={state} now={now} />
      <Box marginTop={1}>
        <Text bold>{q.prompt.trim()}</Text>
      </Box>
      <Box marginTop={1}>
        <Text color={theme.color('muted')}>Type your answer (Enter for a new line, Ctrl+D when done), or answer out loud and just press Ctrl+D.</Text>
      </Box>
      <Box borderStyle="round" flexDirection="column" paddingX={1} minHeight={Math.min(boxRows, 4) + 2}>
        {lines.length > shown.length ? <Text color={theme.color('muted')}>{`↑ ${lines.length - shown.length} more line${lines.length - shown.length === 1 ? '' : 's'} above`}</Text> : null}
        {shown.map((line, i) => (
          <Text key={i}>
            {line}
            {i === last ? <Text inverse> </Text> : null}
          </Text>
        ))}
      </Box>
      <Footer commands={['finishAnswer', 'cancel']} message={leaving ? 'press Esc again to leave; this answer is not kept' : message} />
    </Box>
  );
}

function Marking({ state, now, message, bodyHeight, offset, onMeasure }: InterviewProps & { bodyHeight?: number; offset: number; onMeasure(max: number): void }) {
  const theme = useTheme();
  const q = currentInterviewQuestion(state)!;
  const covered = state.covered.filter(Boolean).length;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Header state={state} now={now} />
      <Text bold>{`${covered} of ${q.keyPoints.length} key points ${state.mode === 'typed' ? 'found in your answer' : 'marked (you answered aloud: mark what you said)'}`}</Text>
      <Box marginTop={1} flexDirection="column">
        <ScrollArea height={bodyHeight} offset={offset} onMeasure={onMeasure}>
          <Text bold>{q.prompt.trim()}</Text>
          {state.mode === 'typed' ? (
            <Box flexDirection="column" marginTop={1}>
              <Text bold>Your answer:</Text>
              <Text color={theme.color('muted')}>{state.text.trim()}</Text>
            </Box>
          ) : null}
          <Box flexDirection="column" marginTop={1}>
            <Text bold>Key points (Space marks or unmarks the highlighted one):</Text>
            {q.keyPoints.map((kp, i) => {
              const on = state.covered[i];
              const corrected = on !== state.matched[i];
              return (
                <Box key={i}>
                  <Box flexShrink={0}>
                    <Text color={i === state.cursor ? theme.color('accent') : on ? theme.color('good') : undefined}>
                      {`${i === state.cursor ? symbols.pointer : ' '} ${on ? symbols.checked : symbols.unchecked} ${on ? symbols.correct : ' '} `}
                    </Text>
                  </Box>
                  <Text color={i === state.cursor ? theme.color('accent') : undefined}>
                    {kp.point.trim()}
                    {corrected ? <Text color={theme.color('muted')}>{' (your mark)'}</Text> : null}
                  </Text>
                </Box>
              );
            })}
          </Box>
          <Box flexDirection="column" marginTop={1}>
            <Text bold>Model answer:</Text>
            <Text>{q.answer.trim()}</Text>
          </Box>
          {q.references.map((r) => (
            <Text key={r.url} color={theme.color('muted')}>{`See: ${r.title} — ${r.url}`}</Text>
          ))}
        </ScrollArea>
      </Box>
      <Text color={theme.color('accent')}>How did it go? 1 again · 2 hard · 3 good · 4 easy</Text>
      <Footer commands={['up', 'down', 'toggle', 'rate', 'scrollDown', 'back']} message={message} />
    </Box>
  );
}

function Finished({ state }: InterviewProps) {
  const theme = useTheme();
  const summary = summarizeInterview(state);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.color('heading')}>Interview: finished</Text>
      <Text bold>{`${summary.answered} question${summary.answered === 1 ? '' : 's'} answered in ${formatElapsed(summary.totalMs)}`}</Text>
      <Text>{`Key points covered: ${summary.pointsCovered} of ${summary.pointsTotal} · mean rating ${summary.meanRating.toFixed(1)} of 4`}</Text>
      {summary.again.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>To practise again</Text>
          {summary.again.slice(0, 8).map((q) => (
            <Text key={q.key} color={theme.color('bad')} wrap="truncate-end">{`  ${symbols.wrong} ${q.prompt.trim().split('\n')[0]}`}</Text>
          ))}
        </Box>
      ) : null}
      <Footer commands={['select', 'back']} />
    </Box>
  );
}
