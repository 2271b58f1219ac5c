import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconHeartHandshake } from "@tabler/icons-react";

/** The product's mark and name. */
export function Brand({ withName = true }: { withName?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size="md" radius="md" aria-hidden>
        <IconHeartHandshake size={18} />
      </ThemeIcon>
      {withName && (
        <Text fw={700} size="lg">
          Handoff
        </Text>
      )}
    </Group>
  );
}
