import { Center, Group, Loader, Text } from "@mantine/core";

/** A quiet "still loading" line, announced to screen readers. */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

/** The whole screen while the app finds out who is signed in. */
export function PageLoader() {
  return (
    <Center component="main" mih="100dvh">
      <Loading />
    </Center>
  );
}
