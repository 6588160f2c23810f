import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { useKeys } from './use-latest.js';

function Recorder() {
  const [seen, setSeen] = useState<string[]>([]);
  useKeys((input, key) => setSeen((s) => [...s, key.return ? 'ENTER' : input]));
  return <Text>{seen.join(',')}</Text>;
}

describe('keys typed faster than they are read', () => {
  it('hands each key of a chunk over on its own, Enter included', async () => {
    const app = render(<Recorder />);
    await new Promise((r) => setTimeout(r, 20));
    app.stdin.write('135\r');
    const frame = await waitFor(() => app.lastFrame() ?? '', (f) => f.includes('ENTER'));
    expect(frame).toBe('1,3,5,ENTER');
  });
});
