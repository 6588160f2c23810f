import { Box, Text } from 'ink';
import { HEAT_SYMBOLS, heatLevel, sparkline, type MasteryRow, type StatsReport } from '../../study/index.js';
import { Bar } from '../components/Bar.js';
import { Footer } from '../components/Footer.js';
import { useKeys } from '../hooks/use-latest.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface StatsProps {
  /** From statsForLibrary (study/stats.ts). */
  report: StatsReport;
  onBack(): void;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Rows per mastery column, so that the screen fits 80x24. */
const ROWS = 4;

const pct = (part: number, whole: number) => (whole === 0 ? '  -' : `${String(Math.round((part / whole) * 100)).padStart(3)}%`);

/** The progress screen: mastery bars, retention, the due forecast and the study calendar, in 80x24. */
export function Stats({ report, onBack }: StatsProps) {
  const theme = useTheme();
  useKeys((input, key) => {
    if (is('back', input, key)) onBack();
  });
  const answers = report.accuracy.reduce((s, d) => s + d.answers, 0);
  const correct = report.accuracy.reduce((s, d) => s + d.correct, 0);
  const target = Math.round(report.retention.target * 100);
  const actual = report.retention.actual === null ? undefined : Math.round(report.retention.actual * 100);
  // The weakest topics are the ones worth seeing; levels are few and always shown in order.
  const topics = [...report.masteryByTopic].sort((a, b) => a.mastered / (a.total || 1) - b.mastered / (b.total || 1) || a.name.localeCompare(b.name)).slice(0, ROWS);
  const busiest = Math.max(0, ...report.heatmap.days.map((d) => d.answers));
  const dueSoon = report.forecast.reduce((s, d) => s + d.due, 0);
  const last = `+${report.forecast.length - 1}d`;

  return (
    <Box flexDirection="column" paddingX={1}>
      <Box width={78} justifyContent="space-between">
        <Text bold color={theme.color('heading')}>Statistics</Text>
        <Text>{`streak ${report.streak.current} day${report.streak.current === 1 ? '' : 's'} · longest ${report.streak.longest}`}</Text>
      </Box>
      <Text>{`Today ${report.totals.dueToday} due · ${report.totals.newAvailable} new · accuracy ${answers === 0 ? '-' : pct(correct, answers).trim()} of ${answers} answers in ${report.accuracy.length} days`}</Text>
      {actual === undefined ? (
        <Text color={theme.color('muted')}>{`Retention - (no reviews of learned cards yet; target ${target}%)`}</Text>
      ) : (
        <Text color={theme.color(actual >= target ? 'good' : 'warning')}>
          {`Retention ${actual}% ${actual >= target ? `${symbols.correct} at or above` : `${symbols.wrong} below`} the ${target}% target (${report.retention.reviews} reviews in ${report.retention.days} days)`}
        </Text>
      )}
      <Box marginTop={1}>
        <MasteryColumn title="By level" rows={report.masteryByLevel.slice(0, ROWS)} />
        <MasteryColumn title="Weakest topics" rows={topics} />
      </Box>
      <Box marginTop={1}>
        <Box flexDirection="column" width={39}>
          <Text bold>{`Study days since ${report.heatmap.start}`}</Text>
          {WEEKDAYS.map((name, row) => (
            <Text key={name}>
              <Text color={theme.color('muted')}>{`${name} `}</Text>
              <Text color={theme.color('good')}>{heatRow(report.heatmap.days, row, busiest)}</Text>
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" width={39}>
          <Text bold>{`Due in the next ${report.forecast.length} days: ${dueSoon}`}</Text>
          <Text color={theme.color('accent')}>{sparkline(report.forecast.map((d) => d.due))}</Text>
          <Text color={theme.color('muted')}>{`${'today'.padEnd(report.forecast.length - last.length)}${last}`}</Text>
          <Text> </Text>
          <Text color={theme.color('muted')}>{`Days: ${HEAT_SYMBOLS.join(' ')}`}</Text>
          <Text color={theme.color('muted')}>none to most answers</Text>
        </Box>
      </Box>
      <Footer commands={['back']} />
    </Box>
  );
}

function heatRow(days: StatsReport['heatmap']['days'], row: number, busiest: number): string {
  let line = '';
  for (let i = row; i < days.length; i += 7) line += HEAT_SYMBOLS[heatLevel(days[i]!.answers, busiest)];
  return line;
}

function MasteryColumn({ title, rows }: { title: string; rows: MasteryRow[] }) {
  return (
    <Box flexDirection="column" width={39}>
      <Text bold>{title}</Text>
      {rows.map((r) => (
        <Text key={r.name} wrap="truncate-end">
          {`${r.name.slice(0, 12).padEnd(12)} `}
          <Bar value={r.mastered} total={r.total} />
          {` ${`${r.mastered}/${r.total}`.padStart(7)} ${pct(r.mastered, r.total)}`}
        </Text>
      ))}
    </Box>
  );
}
