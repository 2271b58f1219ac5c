import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "../../../../src/auth/schema.ts";
import { Loaded } from "../../app/components/Loaded.tsx";
import { SectionCard } from "../../app/components/SectionCard.tsx";
import { useInstantFormat } from "../../app/dates.ts";
import { endOtherSessions, endSession, fetchSessions, sessionsKey } from "./api.ts";
import { describeDevice } from "./device.ts";

function useEnd<T>(end: (input: T) => Promise<void>, message: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: end,
    onSuccess: () => {
      notifications.show({ message });
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "That did not work", message: error.message }),
  });
}

function SessionRow({ session }: { session: SessionView }) {
  const format = useInstantFormat();
  const end = useEnd(endSession, "That device is signed out.");
  const device = describeDevice(session.userAgent);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{device}</Text>
            {session.current && <Badge variant="light">This device</Badge>}
            {session.remember && (
              <Badge variant="light" color="gray">
                Remembered
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Last active {format.dateTime(session.lastSeenAt)} · from {session.ip || "unknown"}
          </Text>
          <Text size="sm" c="dimmed">
            Signed in {format.dateTime(session.createdAt)} · ends{" "}
            {format.dateTime(session.expiresAt)} unless used
          </Text>
        </Stack>
        {!session.current && (
          <Button
            size="xs"
            variant="default"
            loading={end.isPending}
            onClick={() => end.mutate(session.id)}
            aria-label={`End session: ${device}, last active ${format.dateTime(session.lastSeenAt)}`}
          >
            End session
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Where this person is signed in, and a way to end any of it. */
export function SessionsCard() {
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: fetchSessions });
  const endOthers = useEnd(endOtherSessions, "Every other device is signed out.");
  const others = (sessions.data ?? []).filter((session) => !session.current).length;
  return (
    <SectionCard
      title="Signed-in devices"
      description="Browsers where you are signed in. End any you don't recognise."
      aside={
        others > 0 && (
          <Button
            size="xs"
            variant="default"
            loading={endOthers.isPending}
            onClick={() => endOthers.mutate(undefined)}
          >
            End all other sessions
          </Button>
        )
      }
    >
      <Loaded query={sessions}>
        {(list) => (
          <Stack gap="sm">
            {list.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </Stack>
        )}
      </Loaded>
    </SectionCard>
  );
}
