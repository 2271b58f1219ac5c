import { Box, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useMe } from "../auth/session.ts";
import { InboxButton } from "../notify/InboxButton.tsx";
import { ColorSchemeToggle } from "./ColorSchemeToggle.tsx";
import { Brand } from "./components/Brand.tsx";
import { SignOutButton } from "./SignOutButton.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** The bar across the top: whose workspace this is, then the person's own controls. */
export function ShellHeader({ start, children }: { start?: ReactNode; children?: ReactNode }) {
  const me = useMe();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        {start}
        <Box visibleFrom="xs">
          <Brand withName={false} />
        </Box>
        <Text fw={650} truncate="end">
          {me.workspace.name}
        </Text>
        {children}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <ColorSchemeToggle />
        <InboxButton />
        <UserMenu />
        <SignOutButton />
      </Group>
    </Group>
  );
}
