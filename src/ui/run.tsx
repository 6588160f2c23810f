import { render } from 'ink';
import { App, type AppProps } from './App.js';

/** Mounts the app in the terminal; resolves when the learner leaves. */
export async function runApp(props: AppProps): Promise<void> {
  const instance = render(<App {...props} />, { exitOnCtrlC: true });
  try {
    await instance.waitUntilExit();
  } finally {
    // Ink leaves the cursor at the end of the last frame; the shell's prompt belongs on a line of its own.
    process.stdout.write('\n');
  }
}
