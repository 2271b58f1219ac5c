import { Button, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "react-router";
import { can, homePath, useMe } from "../auth/session.ts";
import { PageTitle } from "./components/PageHeader.tsx";

/** A page the signed-in person's role does not include. */
export function NotAllowedPage() {
  const me = useMe();
  const home = can(me, "portal.use")
    ? "Go to your portal"
    : can(me, "shell.use")
      ? "Go to the dashboard"
      : "Go to your account";
  return (
    <Stack align="flex-start" gap="md" maw={560} py="xl">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        <IconLock size={26} />
      </ThemeIcon>
      <PageTitle>Not allowed</PageTitle>
      <Text>
        Your account in {me.workspace.name} doesn't include this page. If you think it should, ask
        the workspace owner.
      </Text>
      <Button component={Link} to={homePath(me)}>
        {home}
      </Button>
    </Stack>
  );
}
