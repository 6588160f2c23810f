import { Box, measureElement, Text, type DOMElement } from 'ink';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTheme } from '../theme-context.js';

export interface ScrollAreaProps {
  /** Rows available; undefined shows everything (no terminal size known). */
  height?: number;
  /** First content row shown. The owner keeps it, so keys can move it. */
  offset: number;
  /** Told the largest useful offset after each layout, so the owner can clamp. */
  onMeasure?(maxOffset: number): void;
  children: ReactNode;
}

/**
 * Shows a window of its content at a fixed height, so a long question or
 * explanation fits an 80x24 terminal; says when there is more above or below.
 */
export function ScrollArea({ height, offset, onMeasure, children }: ScrollAreaProps) {
  const theme = useTheme();
  const inner = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);

  useEffect(() => {
    if (!inner.current) return;
    const measured = measureElement(inner.current).height;
    if (measured !== contentHeight) setContentHeight(measured);
    if (height !== undefined) onMeasure?.(Math.max(0, measured - (height - 1)));
  });

  if (height === undefined || contentHeight <= height) {
    return (
      <Box flexDirection="column" ref={inner}>
        {children}
      </Box>
    );
  }
  // One row is kept for the "more" line, so the window is height - 1 rows of content.
  const view = Math.max(1, height - 1);
  const top = Math.min(offset, Math.max(0, contentHeight - view));
  const below = contentHeight - top - view;
  return (
    <Box flexDirection="column">
      <Box height={view} overflow="hidden" flexDirection="column">
        <Box flexDirection="column" marginTop={-top} ref={inner} flexShrink={0}>
          {children}
        </Box>
      </Box>
      <Text color={theme.color('muted')}>
        {below > 0 ? `↓ ${below} more line${below === 1 ? '' : 's'} (PgDn${top > 0 ? ', PgUp' : ''})` : top > 0 ? '↑ more above (PgUp)' : ' '}
      </Text>
    </Box>
  );
}
