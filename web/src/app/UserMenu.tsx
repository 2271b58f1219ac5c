import { Avatar, Box, Button, Menu } from "@mantine/core";
import { IconChevronDown, IconSettings, IconUserCircle } from "@tabler/icons-react";
import { Link } from "react-router";
import { can, useMe } from "../auth/session.ts";

/** Who is signed in, with a way to their account. */
export function UserMenu() {
  const me = useMe();
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px={6}
          leftSection={<Avatar name={me.user.name} color="indigo" size={28} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`${me.user.name}: account menu`}
        >
          <Box component="span" visibleFrom="sm">
            {me.user.name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
          Account
        </Menu.Item>
        {can(me, "workspace.read") && (
          <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
            Workspace settings
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
