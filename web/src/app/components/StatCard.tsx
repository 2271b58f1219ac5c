import { Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One figure, large, with what it is above and where it comes from below. */
export function StatCard({
  label,
  value,
  note,
  testId,
  size = "lg",
  color,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
  size?: "md" | "lg";
  /** A colour for the figure, e.g. red for an overspent budget (always with words that say so). */
  color?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz={size === "lg" ? 30 : 22} fw={700} lh={1.15} c={color} data-testid={testId}>
          {value}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
