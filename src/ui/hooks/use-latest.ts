import { useInput, type Key } from 'ink';
import { useCallback, useRef, useState } from 'react';

/**
 * State whose latest value can be read at once after setting it. Keys can
 * arrive faster than React re-renders (a pasted "2⏎" comes as one chunk);
 * handlers read the ref, so the second key sees what the first one did.
 */
export function useStateRef<T>(initial: T | (() => T)) {
  const [state, setState] = useState(initial);
  const ref = useRef(state);
  const set = useCallback((next: T | ((previous: T) => T)) => {
    const value = typeof next === 'function' ? (next as (previous: T) => T)(ref.current) : next;
    ref.current = value;
    setState(value);
  }, []);
  return [state, set, ref] as const;
}

/**
 * useInput with a handler that is always the latest one rendered. Keys typed
 * faster than the terminal is read arrive as one chunk ("135\r"); each is
 * handed over on its own, as if typed slowly.
 */
export function useKeys(handler: (input: string, key: Key) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useInput((input, key) => {
    if (input.length <= 1 || key.ctrl || key.meta || input.includes('\u001b')) return ref.current(input, key);
    for (const char of input) ref.current(char === '\r' || char === '\n' ? '' : char, keyFor(char, key));
  });
}

function keyFor(char: string, chunkKey: Key): Key {
  const none = Object.fromEntries(Object.keys(chunkKey).map((name) => [name, false])) as unknown as Key;
  return { ...none, return: char === '\r' || char === '\n', backspace: char === '\u007f' || char === '\b', tab: char === '\t' };
}
