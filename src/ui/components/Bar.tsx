import { Text } from 'ink';
import { symbols } from '../theme.js';
import { useTheme } from '../theme-context.js';

/** A proportion as a bar of blocks; the numbers are always printed beside it too. */
export function Bar({ value, total, width = 10 }: { value: number; total: number; width?: number }) {
  const theme = useTheme();
  const filled = total === 0 ? 0 : Math.round((value / total) * width);
  return (
    <Text>
      <Text color={theme.color('good')}>{symbols.barFull.repeat(filled)}</Text>
      <Text color={theme.color('muted')}>{symbols.barEmpty.repeat(width - filled)}</Text>
    </Text>
  );
}
