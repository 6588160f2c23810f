import { render } from 'ink';
import { App, type AppProps } from './App.js';

/** Mounts the app in the terminal; resolves when the learner leaves. */
export async function runApp(props: AppProps): Promise<void> {
  const instance = render(<App {...props} />, { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
