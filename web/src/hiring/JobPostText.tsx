import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/** The job post as it will be pasted: line breaks kept, wrapped to the page, one click to copy. */
export function JobPostText({ post }: { post: string }) {
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <Stack gap="xs">
      <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-default-hover)">
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {post}
        </Text>
      </Paper>
      <Group gap="sm">
        <Button
          size="xs"
          variant="default"
          leftSection={
            clipboard.copied ? (
              <IconCheck size={16} aria-hidden />
            ) : (
              <IconCopy size={16} aria-hidden />
            )
          }
          onClick={() => clipboard.copy(post)}
        >
          {clipboard.copied ? "Copied" : "Copy the job post"}
        </Button>
        <Text size="sm" c={clipboard.error ? "red" : "dimmed"} role="status">
          {clipboard.error ? "Copying did not work; select the text and copy it yourself." : ""}
        </Text>
      </Group>
    </Stack>
  );
}
