import { useEffect, useRef } from 'react';
import { useStateRef } from './use-latest.js';

/**
 * The scroll position of a ScrollArea: PgUp/PgDn move a page, arrows a line,
 * never past the content (the ScrollArea reports how far that is). It goes
 * back to the top whenever one of `resetOn` changes (a new question).
 */
export function useScroll(bodyHeight: number | undefined, resetOn: readonly unknown[]) {
  const [offset, setOffset, offsetRef] = useStateRef(0);
  const maxOffset = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setOffset(0), resetOn);
  return {
    offset,
    page: Math.max(1, (bodyHeight ?? 10) - 2),
    scroll: (delta: number) => setOffset(Math.max(0, Math.min(maxOffset.current, offsetRef.current + delta))),
    onMeasure: (max: number) => {
      maxOffset.current = max;
    },
  };
}
