import { applyAnswer, emptyData } from './state.js';
import { memorySink, storeOn } from './store-core.js';
import type { ItemProgress, ProgressData, ProgressStore } from './types.js';

export { applyAnswer };

/**
 * A store that keeps nothing on disk: for tests and for `--no-save` style
 * runs. Takes either item records (the first store's shape) or whole data.
 */
export function createMemoryStore(initial: Record<string, ItemProgress> | ProgressData = {}): ProgressStore {
  const data = isData(initial) ? initial : { ...emptyData(), items: { ...initial } };
  return storeOn(memorySink(data), '(memory)');
}

function isData(value: Record<string, ItemProgress> | ProgressData): value is ProgressData {
  return Array.isArray((value as ProgressData).history) && typeof (value as ProgressData).settings === 'object';
}
