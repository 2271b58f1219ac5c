import { Badge, Stack, Text } from "@mantine/core";
import { IconAward } from "@tabler/icons-react";
import type { ReliablePerson } from "../../../src/guardrails/schema.ts";

export function ReliableBadge() {
  return (
    <Badge
      color="teal.9"
      variant="filled"
      tt="none"
      leftSection={<IconAward size={14} aria-hidden />}
    >
      Reliable
    </Badge>
  );
}

/** Under a contractor picker: why the chosen person is suggested first. */
export function ReliableHint({ person }: { person: ReliablePerson | undefined }) {
  if (!person) return null;
  return (
    <Stack gap={4} align="flex-start">
      <ReliableBadge />
      <Text size="xs" c="dimmed">
        {person.reason}
      </Text>
    </Stack>
  );
}
