import { Anchor, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { Link } from "react-router";

/** One thing the owner can do next, as a link to where it is done. */
export function NextStep({
  icon: StepIcon,
  to,
  label,
  children,
}: {
  icon: Icon;
  to: string;
  label: string;
  children: string;
}) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <ThemeIcon size={38} radius="md" variant="light" aria-hidden>
        <StepIcon size={20} />
      </ThemeIcon>
      <Stack gap={2}>
        <Anchor component={Link} to={to} fw={600}>
          {label}
        </Anchor>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Stack>
    </Group>
  );
}
