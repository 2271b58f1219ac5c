import { Button, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconMapSearch } from "@tabler/icons-react";
import { use } from "react";
import { Link } from "react-router";
import { homePath, MeContext } from "../auth/session.ts";
import { PageTitle } from "./components/PageHeader.tsx";

/** An address that leads nowhere, for visitors and signed-in people alike. */
export function NotFoundPage() {
  const me = use(MeContext);
  return (
    <Stack align="flex-start" gap="md" maw={560} py={me ? "xl" : 0}>
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        <IconMapSearch size={26} />
      </ThemeIcon>
      <PageTitle>Page not found</PageTitle>
      <Text>There is nothing at this address. It may have moved, or the link may be mistyped.</Text>
      <Button component={Link} to={me ? homePath(me) : "/sign-in"}>
        {me ? "Go to the start" : "Go to sign in"}
      </Button>
    </Stack>
  );
}
