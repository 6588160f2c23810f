import { Box, Text, useStdin, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Exercise, PolicySetSpec } from '../../content/index.js';
import type { Diagnostic } from '../../core/index.js';
import type { GradeResult } from '../../grading/index.js';
import {
  exerciseStatus,
  explanationVisible,
  gradeAnswer,
  practiceReducer,
  saveIfChanged,
  startPractice,
  type ExerciseProgress,
  type PracticeAction,
  type PracticeWorkspace,
} from '../../study/index.js';
import { Footer } from '../components/Footer.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';
import { STATUS_LOOK } from './ExerciseList.js';

export interface PracticeProps {
  exercise: Exercise;
  saved?: ExerciseProgress;
  workspace: PracticeWorkspace;
  /** Store what progress keeps for the exercise (called only when it changed). */
  onProgress(key: string, progress: ExerciseProgress): void;
  onLeave(): void;
  /** Grading; the study module's by default. */
  grade?: (exercise: Exercise, text: string, file: string) => GradeResult;
}

const SLOT_WORDS: Record<Exercise['slot'], string> = {
  identity: 'an identity-based policy',
  resource: 'a resource-based policy',
  trust: "a role trust policy (the role's resource-based policy)",
  boundary: 'a permissions boundary',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  session: 'a session policy',
};

/** The other policies in play, one line each, as compact JSON. */
export function givenPolicies(given: PolicySetSpec): { slot: string; text: string }[] {
  const compact = (p: unknown): string => {
    if (typeof p !== 'string') return JSON.stringify(p);
    try {
      return JSON.stringify(JSON.parse(p));
    } catch {
      return p.trim();
    }
  };
  const out: { slot: string; text: string }[] = [];
  (given.identity ?? []).forEach((p, i) => out.push({ slot: `identity[${i}]`, text: compact(p) }));
  for (const slot of ['resource', 'boundary', 'session'] as const) if (given[slot]) out.push({ slot, text: compact(given[slot]) });
  (given.scps ?? []).forEach((level, i) => level.forEach((p, j) => out.push({ slot: `scps[${i}][${j}]`, text: compact(p) })));
  (given.rcps ?? []).forEach((level, i) => level.forEach((p, j) => out.push({ slot: `rcps[${i}][${j}]`, text: compact(p) })));
  return out;
}

/**
 * One exercise: the task, the other policies, the workspace file; every
 * save of the file is graded, and the result shows the findings, each case
 * with the evaluator's explanation, and the counterexample.
 */
export function Practice({ exercise, saved, workspace, onProgress, onLeave, grade = gradeAnswer }: PracticeProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const { setRawMode, isRawModeSupported } = useStdin();
  const [state, setState, stateRef] = useStateRef(() => startPractice(exercise, saved));
  const [path, setPath] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [grades, setGrades] = useState(0);
  const [offset, setOffset, offsetRef] = useStateRef(0);
  const maxOffset = useRef(0);

  const apply = (action: PracticeAction) => {
    const before = stateRef.current;
    const after = practiceReducer(before, action);
    setState(after);
    saveIfChanged(before, after, { saveExerciseProgress: onProgress });
  };
  const gradeText = (file: string, text: string, initial = false) => {
    apply({ type: 'graded', text, result: grade(exercise, text, file), initial });
    setGrades((n) => n + 1);
    // A new result is what the learner saved for: show it from the top.
    setOffset(0);
  };
  const regrade = (initial = false) => {
    if (!path) return;
    const text = workspace.read(path);
    if (text === undefined) setMessage(`cannot read ${path}`);
    else gradeText(path, text, initial);
  };

  useEffect(() => {
    const file = workspace.prepare(exercise);
    setPath(file);
    const text = workspace.read(file);
    if (text !== undefined) gradeText(file, text, true);
    return workspace.watch(file, (changed) => gradeText(file, changed));
    // One workspace file per exercise: set up once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [exercise.key]);

  // A hint or the solution just revealed is at the end: scroll there (the scroll area clamps).
  useEffect(() => {
    if (state.hintsShown > 0 || state.solutionShown) setOffset(Number.MAX_SAFE_INTEGER);
  }, [state.hintsShown, state.solutionShown]);

  const openEditor = () => {
    if (!path) return;
    // Hand the terminal to the editor: no raw mode while it runs, a clean screen after.
    if (isRawModeSupported) setRawMode(false);
    const outcome = workspace.openEditor(path);
    if (isRawModeSupported) setRawMode(true);
    stdout.write('\u001b[2J\u001b[3J\u001b[H');
    setMessage(outcome.ok ? undefined : outcome.message);
    regrade();
  };

  useKeys((input, key) => {
    const s = stateRef.current;
    if (s.confirmingSolution) {
      if (is('confirm', input, key)) apply({ type: 'confirmSolution' });
      else apply({ type: 'cancel' });
      return;
    }
    if (is('back', input, key)) onLeave();
    else if (is('edit', input, key)) openEditor();
    else if (is('regrade', input, key)) regrade();
    else if (is('hint', input, key)) {
      if (s.hintsShown >= s.exercise.hints.length) setMessage(s.exercise.hints.length === 0 ? 'this exercise has no hints' : 'no more hints');
      else apply({ type: 'hint' });
    } else if (is('showSolution', input, key)) apply({ type: 'askSolution' });
    else if (is('scrollDown', input, key)) setOffset(Math.min(maxOffset.current, offsetRef.current + 5));
    else if (is('scrollUp', input, key)) setOffset(Math.max(0, Math.min(offsetRef.current, maxOffset.current) - 5));
  });

  const status = STATUS_LOOK[exerciseStatus(state.progress)];
  const result = state.result;
  const rows = stdout.rows || 24;
  const given = givenPolicies(exercise.given);

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text wrap="truncate-end">
        <Text bold>{exercise.title}</Text>
        <Text color={theme.color('muted')}>{` · ${exercise.level} · `}</Text>
        <Text color={theme.color(status.token)}>{`${status.symbol} ${status.word}`}</Text>
        <Text color={theme.color('muted')}>{` · ${state.progress.attempts} attempt${state.progress.attempts === 1 ? '' : 's'}`}</Text>
      </Text>
      <ScrollArea height={Math.max(6, rows - 6)} offset={offset} onMeasure={(m) => (maxOffset.current = m)}>
        <Text>{exercise.task.trim()}</Text>
        <Text color={theme.color('muted')}>{`You write ${SLOT_WORDS[exercise.slot]}.`}</Text>
        <Text color={theme.color('heading')} bold>Other policies in play</Text>
        {given.length === 0 ? <Text color={theme.color('muted')}>  none</Text> : given.map((g) => <Text key={g.slot}>{`  ${g.slot}: ${g.text}`}</Text>)}
        <Text>
          <Text color={theme.color('heading')} bold>Your file </Text>
          <Text>{path ?? '…'}</Text>
        </Text>
        {result ? <ResultView result={result} grades={grades} /> : <Text color={theme.color('muted')}>Not graded yet.</Text>}
        {state.hintsShown > 0 ? (
          <Box flexDirection="column" marginTop={1}>
            <Text color={theme.color('heading')} bold>{`Hints (${state.hintsShown} of ${exercise.hints.length})`}</Text>
            {exercise.hints.slice(0, state.hintsShown).map((h, i) => (
              <Text key={i}>{`  ${i + 1}. ${h}`}</Text>
            ))}
          </Box>
        ) : null}
        {state.solutionShown ? (
          <Box flexDirection="column" marginTop={1}>
            <Text color={theme.color('heading')} bold>Reference solution</Text>
            <Text>{exercise.solution.trim()}</Text>
          </Box>
        ) : null}
        {explanationVisible(state) && exercise.explanation ? (
          <Box flexDirection="column" marginTop={1}>
            <Text color={theme.color('heading')} bold>Why</Text>
            <Text>{exercise.explanation.trim()}</Text>
          </Box>
        ) : null}
      </ScrollArea>
      {state.confirmingSolution ? (
        <Text color={theme.color('warning')}>Show the reference solution? y yes · any other key no</Text>
      ) : (
        <Footer commands={['edit', 'regrade', 'hint', 'showSolution', 'scrollDown', 'back']} message={message} />
      )}
    </Box>
  );
}

function ResultView({ result, grades }: { result: GradeResult; grades: number }) {
  const theme = useTheme();
  const passed = result.cases.filter((c) => c.passed).length;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={theme.color(result.passed ? 'good' : 'bad')}>
        {`${result.passed ? symbols.correct : symbols.wrong} ${result.passed ? 'Passed' : 'Not passed yet'} · ${passed} of ${result.cases.length} cases · grade #${grades}`}
      </Text>
      {result.findings.length > 0 ? (
        <Box flexDirection="column">
          <Text color={theme.color('heading')} bold>Findings</Text>
          {result.findings.map((d, i) => (
            <FindingLine key={i} d={d} />
          ))}
        </Box>
      ) : null}
      <Text color={theme.color('heading')} bold>Cases</Text>
      {result.cases.map((c, i) => (
        <Box key={i} flexDirection="column">
          <Text color={theme.color(c.passed ? 'good' : 'bad')}>{`  ${c.passed ? symbols.correct : symbols.wrong} ${c.name}: expected ${c.expect}, ${c.decision ? `got ${c.decision}` : 'not evaluated'}`}</Text>
          {c.passed ? null : <Text color={theme.color('muted')}>{indent(firstParagraph(c.explanation), '      ')}</Text>}
        </Box>
      ))}
      {result.counterexample ? (
        <Box flexDirection="column">
          <Text color={theme.color('heading')} bold>Counterexample</Text>
          <Text color={theme.color('bad')}>{`  ${symbols.wrong} ${result.counterexample.text}`}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

function FindingLine({ d }: { d: Diagnostic }) {
  const theme = useTheme();
  const mark = d.severity === 'error' ? symbols.wrong : '!';
  return (
    <Text color={theme.color(d.severity === 'error' ? 'bad' : 'warning')}>
      {`  ${mark} ${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}${d.help ? ` (help: ${d.help})` : ''}`}
    </Text>
  );
}

/** The decision and its reason; the step-by-step trace would not fit next to the other cases. */
function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]!.trimEnd();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
