import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { notifications as toasts } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { CopyableText } from "../app/components/CopyableText.tsx";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import {
  calendarFeedKey,
  createCalendarFeed,
  fetchCalendarFeed,
  revokeCalendarFeed,
} from "./api.ts";

/** A private calendar address with milestone due dates, report due times and contract ends. */
export function CalendarFeedCard() {
  const format = useInstantFormat();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: calendarFeedKey, queryFn: fetchCalendarFeed });
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: calendarFeedKey });
  const create = useMutation({ mutationFn: createCalendarFeed, onSuccess: refresh });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setConfirming(false);
      create.reset();
      toasts.show({ message: "Your calendar address no longer works." });
      refresh();
    },
  });

  return (
    <SectionCard
      title="Calendar"
      description="Subscribe in Google Calendar, Outlook or Apple Calendar to see milestone due dates, report due times and contract ends."
    >
      <Loaded query={feed}>
        {(current) => (
          <Stack gap="md">
            {create.data && (
              <Alert
                color="red"
                title="Copy your calendar address now"
                icon={<IconAlertTriangle aria-hidden />}
              >
                <Stack gap="sm">
                  <Text size="sm">
                    It is shown only once. Anyone who has it can read your calendar, so keep it
                    private; make a new one if it leaks.
                  </Text>
                  <CopyableText
                    value={create.data.url}
                    copyLabel="Copy calendar address"
                    testId="calendar-url"
                  />
                </Stack>
              </Alert>
            )}
            <Text size="sm">
              {current.active && current.createdAt !== null
                ? `You have a calendar address, made ${format.dateTime(current.createdAt)}.`
                : "You have no calendar address."}
            </Text>
            {create.error && <ErrorAlert error={create.error} title="No address was made" />}
            <Group gap="sm">
              <Button loading={create.isPending} onClick={() => create.mutate()}>
                {current.active ? "Make a new address" : "Make a calendar address"}
              </Button>
              {current.active && (
                <Button variant="default" onClick={() => setConfirming(true)}>
                  Turn the address off
                </Button>
              )}
            </Group>
            {current.active && (
              <Text size="xs" c="dimmed">
                A new address replaces the old one at once.
              </Text>
            )}
          </Stack>
        )}
      </Loaded>
      <ConfirmDialog
        opened={confirming}
        title="Turn your calendar address off?"
        confirmLabel="Turn it off"
        onConfirm={() => revoke.mutate()}
        onClose={() => setConfirming(false)}
        pending={revoke.isPending}
        error={revoke.error}
      >
        Calendars subscribed to it stop updating. You can make a new address later.
      </ConfirmDialog>
    </SectionCard>
  );
}
