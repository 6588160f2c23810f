import { Box, Text, useStdout } from 'ink';
import { useState } from 'react';
import type { Exercise } from '../../content/index.js';
import { exerciseStatus, nextUnsolved, orderExercises, type ExerciseProgress, type ExerciseStatus } from '../../study/index.js';
import { Footer } from '../components/Footer.js';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { is } from '../keys.js';
import { symbols, type Token } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface ExerciseListProps {
  exercises: readonly Exercise[];
  progressOf(key: string): ExerciseProgress | undefined;
  onOpen(exercise: Exercise): void;
  onLeave(): void;
}

/** Status as a symbol and a word: never colour alone. */
export const STATUS_LOOK: Record<ExerciseStatus, { symbol: string; word: string; token: Token }> = {
  solved: { symbol: symbols.correct, word: 'solved', token: 'good' },
  attempted: { symbol: '…', word: 'attempted', token: 'warning' },
  notStarted: { symbol: symbols.unselected, word: 'not started', token: 'muted' },
};

/** The exercises by level with their status; the cursor starts on the first unsolved one. */
export function ExerciseList({ exercises, progressOf, onOpen, onLeave }: ExerciseListProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const [ordered] = useState(() => orderExercises(exercises));
  const [cursor, setCursor, cursorRef] = useStateRef(() => Math.max(0, nextUnsolved(ordered, progressOf)));

  useKeys((input, key) => {
    const at = cursorRef.current;
    if (is('up', input, key)) setCursor(Math.max(0, at - 1));
    else if (is('down', input, key)) setCursor(Math.min(ordered.length - 1, at + 1));
    else if (is('nextUnsolved', input, key)) {
      const next = nextUnsolved(ordered, progressOf, at);
      if (next >= 0) setCursor(next);
    } else if (is('select', input, key)) {
      const chosen = ordered[at];
      if (chosen) onOpen(chosen);
    } else if (is('back', input, key)) onLeave();
  });

  if (ordered.length === 0) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold>Practice</Text>
        <Text>No exercises are loaded. Add a pack with exercises, or drop --no-builtin.</Text>
        <Footer commands={['back']} />
      </Box>
    );
  }

  const solved = ordered.filter((e) => exerciseStatus(progressOf(e.key)) === 'solved').length;
  // Rows for the list: the rest goes to the title, up to four level headings, the "more" lines and the footer.
  const room = Math.max(5, (stdout.rows || 24) - 11);
  const first = Math.max(0, Math.min(ordered.length - room, cursor - Math.floor(room / 2)));
  const rows = ordered.slice(first, first + room);

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{`Practice · ${solved} of ${ordered.length} solved`}</Text>
      {first > 0 ? <Text color={theme.color('muted')}>{`↑ ${first} more`}</Text> : null}
      {rows.map((e, i) => {
        const index = first + i;
        const look = STATUS_LOOK[exerciseStatus(progressOf(e.key))];
        const heading = index === 0 || ordered[index - 1]!.level !== e.level;
        return (
          <Box key={e.key} flexDirection="column">
            {heading ? <Text color={theme.color('heading')} bold>{e.level}</Text> : null}
            <Text wrap="truncate-end" inverse={index === cursor}>
              {`${index === cursor ? symbols.pointer : ' '} `}
              <Text color={theme.color(look.token)}>{`${look.symbol} ${look.word.padEnd(11)}`}</Text>
              {` ${e.title} `}
              <Text color={theme.color('muted')}>{`(${e.slot})`}</Text>
            </Text>
          </Box>
        );
      })}
      {first + room < ordered.length ? <Text color={theme.color('muted')}>{`↓ ${ordered.length - first - room} more`}</Text> : null}
      <Footer commands={['up', 'down', 'select', 'nextUnsolved', 'back']} />
    </Box>
  );
}
