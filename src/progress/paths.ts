/**
 * The platform's config folder for iamprep, as conf would choose it, so that
 * commands can find the packs folder without opening the store.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function configDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'iamprep');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'iamprep', 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'iamprep');
}

export function userPacksDir(env: Record<string, string | undefined> = process.env): string {
  return join(configDir(env), 'packs');
}
