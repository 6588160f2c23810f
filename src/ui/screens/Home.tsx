import { Box, Text } from 'ink';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import type { LevelCount } from '../../study/index.js';
import { Bar } from '../components/Bar.js';
import { Footer } from '../components/Footer.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

/** One line of the home menu. New modes add entries here. */
export type HomeEntry = { kind: 'quiz'; level?: LevelCount['level']; label: string; detail?: LevelCount };

export interface HomeProps {
  entries: HomeEntry[];
  packs: { title: string; version: string; questions: number }[];
  quizLength: number;
  notice?: string;
  onChoose(entry: HomeEntry): void;
  onQuit(): void;
}

export function Home({ entries, packs, quizLength, notice, onChoose, onQuit }: HomeProps) {
  const theme = useTheme();
  const [cursor, setCursor, cursorRef] = useStateRef(0);
  useKeys((input, key) => {
    const cursor = cursorRef.current;
    if (is('up', input, key)) setCursor((c) => (c - 1 + entries.length) % entries.length);
    else if (is('down', input, key)) setCursor((c) => (c + 1) % entries.length);
    else if (is('select', input, key)) {
      const entry = entries[cursor];
      if (entry) onChoose(entry);
    } else if (is('number', input, key)) {
      const entry = entries[Number(input) - 1];
      if (entry) onChoose(entry);
    } else if (is('quit', input, key)) onQuit();
  });

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.color('heading')}>
        iamprep · AWS IAM practice
      </Text>
      {notice ? <Text color={theme.color('warning')}>! {notice}</Text> : null}
      <Box marginTop={1}>
        <Text bold>Quiz by level</Text>
        <Text color={theme.color('muted')}>{`  (${quizLength} questions; unanswered and missed first)`}</Text>
      </Box>
      {entries.map((entry, i) => {
        const active = i === cursor;
        const d = entry.detail;
        return (
          <Box key={entry.label}>
            <Text color={active ? theme.color('accent') : undefined} bold={active}>
              {`${active ? symbols.pointer : ' '} ${i + 1} ${entry.label.padEnd(14)}`}
            </Text>
            {d ? (
              <Text>
                {`${String(d.total).padStart(4)} questions  ${String(d.mastered).padStart(4)} correct  `}
                <Bar value={d.mastered} total={d.total} />
              </Text>
            ) : null}
          </Box>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        {packs.map((p) => (
          <Text key={p.title} color={theme.color('muted')}>
            {`${symbols.bullet} ${p.title} ${p.version}: ${p.questions} questions`}
          </Text>
        ))}
      </Box>
      <Footer commands={['up', 'down', 'select', 'number', 'quit']} />
    </Box>
  );
}
