import { Box, Text } from 'ink';
import { hints, type Command } from '../keys.js';
import { useTheme } from '../theme-context.js';

export function Footer({ commands, message }: { commands: Command[]; message?: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      {message ? <Text color={theme.color('warning')}>! {message}</Text> : null}
      <Text color={theme.color('muted')}>{hints(commands)}</Text>
    </Box>
  );
}
