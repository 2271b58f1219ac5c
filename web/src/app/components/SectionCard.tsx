import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** One part of a page: an h2, a line on what it is for, and its content. */
export function SectionCard({
  title,
  description,
  aside,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** Shown at the heading's right, e.g. a count or a link. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section">
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h4">
              {title}
            </Title>
            {aside}
          </Group>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
