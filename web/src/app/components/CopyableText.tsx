import { Button, Code, Group, Stack, Text } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/** A secret or a link shown in full, with a button that copies it. */
export function CopyableText({
  value,
  copyLabel,
  testId,
}: {
  value: string;
  copyLabel: string;
  testId?: string;
}) {
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <Stack gap="xs">
      <Code block data-testid={testId} style={{ wordBreak: "break-all", userSelect: "all" }}>
        {value}
      </Code>
      <Group gap="sm">
        <Button
          size="xs"
          variant="default"
          leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          onClick={() => clipboard.copy(value)}
        >
          {clipboard.copied ? "Copied" : copyLabel}
        </Button>
        <Text size="sm" c={clipboard.error ? "red" : "dimmed"} role="status">
          {clipboard.error ? "This browser won't copy here: select the text and copy it." : ""}
        </Text>
      </Group>
    </Stack>
  );
}
