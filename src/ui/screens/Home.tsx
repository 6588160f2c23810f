import { Box, Text } from 'ink';
import { Bar } from '../components/Bar.js';
import { Footer } from '../components/Footer.js';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

/** One line of the home menu. Modes add entries; the App decides what choosing one does. */
export interface HomeEntry {
  id: string;
  /** Entries of one section stand together; a blank line separates sections. */
  section: string;
  label: string;
  /** Plain words beside the label: counts, what is due. */
  info?: string;
  /** A progress bar beside the info; the numbers are in `info` too. */
  bar?: { value: number; total: number };
}

export interface HomeProps {
  entries: HomeEntry[];
  packs: { title: string; version: string; questions: number }[];
  /** Words beside the title: what is due, the streak. */
  status?: string;
  notice?: string;
  onChoose(entry: HomeEntry): void;
  /** `/` opens search from here. */
  onSearch?(): void;
  onQuit(): void;
}

export function Home({ entries, packs, status, notice, onChoose, onSearch, onQuit }: HomeProps) {
  const theme = useTheme();
  const [cursor, setCursor, cursorRef] = useStateRef(0);
  useKeys((input, key) => {
    const cursor = cursorRef.current;
    if (is('up', input, key)) setCursor((cursor - 1 + entries.length) % entries.length);
    else if (is('down', input, key)) setCursor((cursor + 1) % entries.length);
    else if (is('select', input, key)) {
      const entry = entries[cursor];
      if (entry) onChoose(entry);
    } else if (is('number', input, key)) {
      const entry = entries[Number(input) - 1];
      if (entry) onChoose(entry);
    } else if (onSearch && is('search', input, key)) onSearch();
    else if (is('quit', input, key)) onQuit();
  });

  const labelWidth = Math.max(...entries.map((e) => e.label.length), 10) + 2;
  let lastSection = '';
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text>
        <Text bold color={theme.color('heading')}>
          iamprep · AWS IAM practice
        </Text>
        {status ? <Text color={theme.color('muted')}>{`   ${status}`}</Text> : null}
      </Text>
      {notice ? <Text color={theme.color('warning')}>! {notice}</Text> : null}
      {entries.map((entry, i) => {
        const active = i === cursor;
        const heading = entry.section !== lastSection ? entry.section : undefined;
        lastSection = entry.section;
        const number = i < 9 ? String(i + 1) : ' ';
        return (
          <Box key={entry.id} flexDirection="column">
            {/* With a notice to show, sections close up so the menu still fits 24 rows. */}
            <Box marginTop={heading && !notice ? 1 : 0}>
              <Text color={active ? theme.color('accent') : undefined} bold={active}>
                {`${active ? symbols.pointer : ' '} ${number} ${entry.label.padEnd(labelWidth)}`}
              </Text>
              {entry.info ? <Text>{`${entry.info}  `}</Text> : null}
              {entry.bar ? <Bar value={entry.bar.value} total={entry.bar.total} /> : null}
            </Box>
          </Box>
        );
      })}
      <Box marginTop={1}>
        <Text color={theme.color('muted')} wrap="truncate-end">
          {`Packs: ${packs.map((p) => `${p.title} ${p.version} (${p.questions})`).join(' · ')}`}
        </Text>
      </Box>
      <Footer commands={onSearch ? ['up', 'down', 'select', 'number', 'search', 'quit'] : ['up', 'down', 'select', 'number', 'quit']} />
    </Box>
  );
}
