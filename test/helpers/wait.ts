/** Waits for a condition on rendered output, never for a fixed time. */
export async function waitFor<T>(read: () => T, accept: (value: T) => boolean, what = 'the expected output', timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  let last = read();
  while (!accept(last)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last saw:\n${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = read();
  }
  return last;
}
