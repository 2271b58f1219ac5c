import { Anchor, Badge, Box, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { Link } from "react-router";

export interface ActionItem {
  key: string;
  title: string;
  reason: string;
  href: string;
  /** Said next to the title, e.g. "Overdue"; always in words, never by colour alone. */
  flag?: string;
  /** The link's words when they are not the title itself, e.g. a guardrail's one action. */
  actionLabel?: string;
}

/**
 * A list of things to act on: each its title, a short reason, and a link straight to where
 * it is done. The title is the link unless an action label says what the click does.
 */
export function ActionItems({
  items,
  icon: ItemIcon,
  color,
}: {
  items: readonly ActionItem[];
  icon: Icon;
  color: string;
}) {
  return (
    <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: "none" }}>
      {items.map((item) => (
        <Group component="li" key={item.key} gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={30} radius="md" variant="light" color={color} aria-hidden>
            <ItemIcon size={18} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              {item.actionLabel ? (
                <Text fw={600}>{item.title}</Text>
              ) : (
                <Anchor component={Link} to={item.href} fw={600}>
                  {item.title}
                </Anchor>
              )}
              {item.flag && (
                <Badge color="red" variant="light" radius="sm">
                  {item.flag}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {item.reason}
            </Text>
            {item.actionLabel && (
              <Box>
                <Anchor component={Link} to={item.href} size="sm" fw={600}>
                  {item.actionLabel}
                </Anchor>
              </Box>
            )}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
