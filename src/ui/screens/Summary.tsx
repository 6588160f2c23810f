import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-latest.js';
import type { QuizSummary } from '../../study/index.js';
import { Bar } from '../components/Bar.js';
import { Footer } from '../components/Footer.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface SummaryProps {
  summary: QuizSummary;
  title: string;
  onDone(): void;
  onQuit(): void;
}

export function Summary({ summary, title, onDone, onQuit }: SummaryProps) {
  const theme = useTheme();
  useKeys((input, key) => {
    if (is('select', input, key)) onDone();
    else if (is('quit', input, key)) onQuit();
  });
  const percent = summary.total === 0 ? 0 : Math.round((summary.correct / summary.total) * 100);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.color('heading')}>{`${title}: finished`}</Text>
      <Text bold>{`Score: ${summary.correct} of ${summary.total} (${percent}%)`}</Text>
      {summary.byTopic.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>By topic</Text>
          {summary.byTopic.slice(0, 8).map((t) => (
            <Text key={t.topic}>
              {`  ${t.topic.slice(0, 40).padEnd(40)} ${String(t.correct).padStart(2)}/${String(t.total).padEnd(2)} `}
              <Bar value={t.correct} total={t.total} />
            </Text>
          ))}
          {summary.byTopic.length > 8 ? <Text color={theme.color('muted')}>{`  …and ${summary.byTopic.length - 8} more topics`}</Text> : null}
        </Box>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        {summary.missed.length === 0 ? (
          <Text color={theme.color('good')}>{`${symbols.correct} Nothing missed.`}</Text>
        ) : (
          <>
            <Text bold>Missed</Text>
            {summary.missed.slice(0, 8).map((q) => (
              <Text key={q.key} color={theme.color('bad')} wrap="truncate-end">
                {`  ${symbols.wrong} ${q.prompt.trim().split('\n')[0]}`}
              </Text>
            ))}
            {summary.missed.length > 8 ? <Text color={theme.color('muted')}>{`  …and ${summary.missed.length - 8} more`}</Text> : null}
          </>
        )}
      </Box>
      <Footer commands={['select', 'quit']} />
    </Box>
  );
}
