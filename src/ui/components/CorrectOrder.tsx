import { Box, Text } from 'ink';
import { useTheme } from '../theme-context.js';

/** The items of an order question in their right order, shown once it is answered. */
export function CorrectOrder({ items }: { items: readonly string[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Correct order:</Text>
      {items.map((item, i) => (
        <Text key={i} color={theme.color('good')}>{`  ${i + 1}. ${item.trim()}`}</Text>
      ))}
    </Box>
  );
}
