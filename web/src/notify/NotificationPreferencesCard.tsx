import { Button, Checkbox, Group, Stack, Switch, TextInput } from "@mantine/core";
import { notifications as toasts } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  notificationKinds,
  type NotificationKind,
  type NotificationPreferences,
} from "../../../src/notify/inbox-schema.ts";
import { useMe } from "../auth/session.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { fetchPreferences, preferencesKey, savePreferences } from "./api.ts";

const kindLabels: Record<NotificationKind, string> = {
  report_missed: "A progress report was missed",
  milestone_overdue: "A milestone is overdue",
  work_submitted: "Work was handed in for review",
  contract_sent: "A contract was sent to you",
  contract_waiting: "A contract is still waiting for acceptance",
  report_due_soon: "Your progress report is due soon",
  milestone_due_soon: "A milestone is due within a day",
};

/** The kinds a role can receive; the others are not offered. */
const kindsOf: Record<"staff" | "contractor", readonly NotificationKind[]> = {
  staff: ["report_missed", "milestone_overdue", "work_submitted", "contract_waiting"],
  contractor: [
    "report_due_soon",
    "report_missed",
    "milestone_due_soon",
    "milestone_overdue",
    "contract_sent",
  ],
};

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const queryClient = useQueryClient();
  const offered = kindsOf[useMe().user.role === "contractor" ? "contractor" : "staff"];
  const [emailKinds, setEmailKinds] = useState<string[]>(saved.emailKinds);
  const [dailyDigest, setDailyDigest] = useState(saved.dailyDigest);
  const [quiet, setQuiet] = useState(saved.quietStart !== null);
  const [quietStart, setQuietStart] = useState(saved.quietStart ?? "22:00");
  const [quietEnd, setQuietEnd] = useState(saved.quietEnd ?? "07:00");
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (preferences) => {
      queryClient.setQueryData(preferencesKey, preferences);
      toasts.show({ message: "Notification preferences saved." });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      emailKinds: notificationKinds.filter((kind) => emailKinds.includes(kind)),
      dailyDigest,
      quietStart: quiet ? quietStart : null,
      quietEnd: quiet ? quietEnd : null,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={["emailKinds", "quietStart", "quietEnd"]} />
        <Checkbox.Group
          label="Email me as it happens when…"
          description="Everything always appears in your inbox."
          value={emailKinds.filter((kind) => offered.includes(kind as NotificationKind))}
          onChange={(chosen) =>
            setEmailKinds([
              ...emailKinds.filter((kind) => !offered.includes(kind as NotificationKind)),
              ...chosen,
            ])
          }
          error={fieldError(save.error, "emailKinds")}
        >
          <Stack gap="xs" mt="xs">
            {offered.map((kind) => (
              <Checkbox key={kind} value={kind} label={kindLabels[kind]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label="Daily summary"
          description="One email at the start of your day with everything not emailed as it happened."
          checked={dailyDigest}
          onChange={(event) => setDailyDigest(event.currentTarget.checked)}
        />
        <Switch
          label="Quiet hours"
          description="No email between these times in your own time zone; it waits until they end."
          checked={quiet}
          onChange={(event) => setQuiet(event.currentTarget.checked)}
        />
        {quiet && (
          <Group gap="sm" align="flex-start">
            <TextInput
              type="time"
              label="From"
              value={quietStart}
              onChange={(event) => setQuietStart(event.currentTarget.value)}
              error={fieldError(save.error, "quietStart")}
              w={140}
            />
            <TextInput
              type="time"
              label="Until"
              value={quietEnd}
              onChange={(event) => setQuietEnd(event.currentTarget.value)}
              error={fieldError(save.error, "quietEnd")}
              w={140}
            />
          </Group>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save preferences
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which notifications also come by email, the daily summary and quiet hours. */
export function NotificationPreferencesCard() {
  const preferences = useQuery({ queryKey: preferencesKey, queryFn: fetchPreferences });
  return (
    <SectionCard
      title="Notifications"
      description="What reaches you by email. Quiet hours and the daily summary follow your time zone."
    >
      <Loaded query={preferences}>{(saved) => <PreferencesForm saved={saved} />}</Loaded>
    </SectionCard>
  );
}
