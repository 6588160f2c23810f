import { Box, Text, useStdout } from 'ink';
import { useMemo } from 'react';
import { useKeys, useStateRef } from '../hooks/use-latest.js';
import { Footer } from '../components/Footer.js';
import type { SearchItem, SearchResult } from '../../study/index.js';
import { is } from '../keys.js';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

export interface SearchProps {
  /** A built index's `search` (study's `buildSearchIndex(searchItemsOf(questions, exercises))`, built once). */
  search(query: string, limit?: number): SearchResult[];
  /** How many items can be found, for the empty screen. */
  size: number;
  initialQuery?: string;
  /** Enter on a result: open that question or exercise. */
  onOpen(item: SearchItem): void;
  onLeave(): void;
}

/** Results as you type; letters go to the query, so only the arrows move and only Esc leaves. */
export function Search({ search, size, initialQuery = '', onOpen, onLeave }: SearchProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const rows = Math.max(3, (stdout.rows || 24) - 7);
  const [query, setQuery, queryRef] = useStateRef(initialQuery);
  const [cursor, setCursor, cursorRef] = useStateRef(0);
  const results = useMemo(() => search(query, 50), [search, query]);

  useKeys((input, key) => {
    // The rendered results, unless keys have run ahead of the render.
    const found = () => (queryRef.current === query ? results : search(queryRef.current, 50));
    if (is('cancel', input, key)) return onLeave();
    if (is('select', input, key)) {
      const item = found()[cursorRef.current]?.item;
      if (item) onOpen(item);
      return;
    }
    if (is('listUp', input, key)) return setCursor(Math.max(0, cursorRef.current - 1));
    if (is('listDown', input, key)) return setCursor(Math.max(0, Math.min(found().length - 1, cursorRef.current + 1)));
    if (key.backspace || key.delete) {
      setQuery([...queryRef.current].slice(0, -1).join(''));
      return setCursor(0);
    }
    if (key.ctrl || key.meta || key.tab || key.return || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || !input) return;
    setQuery((queryRef.current + input).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200));
    setCursor(0);
  });

  // Keep the highlighted row in the window.
  const first = Math.max(0, Math.min(cursor - Math.floor(rows / 2), results.length - rows));
  const shown = results.slice(first, first + rows);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.color('heading')}>Search</Text>
      <Text>
        {'/ '}
        {query}
        <Text inverse> </Text>
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {query.trim() === '' ? (
          <Text color={theme.color('muted')}>{`Type to search ${size} questions and exercises by words of their prompt, id, topics or tags.`}</Text>
        ) : results.length === 0 ? (
          <Text color={theme.color('muted')}>{`Nothing matches \`${query.trim()}\`.`}</Text>
        ) : (
          shown.map((r, i) => {
            const here = first + i === cursor;
            return (
              <Text key={r.item.key} color={here ? theme.color('accent') : undefined} wrap="truncate-end">
                {`${here ? symbols.pointer : ' '} ${r.item.title}  `}
                <Text color={theme.color('muted')}>{`${r.item.type} · ${r.item.level} · ${r.item.key}`}</Text>
              </Text>
            );
          })
        )}
        {results.length > 0 ? <Text color={theme.color('muted')}>{`${results.length === 50 ? '50+' : results.length} result${results.length === 1 ? '' : 's'}`}</Text> : null}
      </Box>
      <Footer commands={['listUp', 'listDown', 'select', 'cancel']} />
    </Box>
  );
}
