import { Button, Stack, Text } from "@mantine/core";
import { useRouteError } from "react-router";
import { ErrorAlert } from "./components/ErrorAlert.tsx";
import { PageTitle } from "./components/PageHeader.tsx";

/** A page that failed to show: often a new version of the app was installed, so reload. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Stack align="flex-start" gap="md" maw={640} py="md">
      <PageTitle>Something went wrong</PageTitle>
      <Text>This page could not be shown. Reloading usually fixes it.</Text>
      <ErrorAlert error={error} title="What happened" />
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </Stack>
  );
}
