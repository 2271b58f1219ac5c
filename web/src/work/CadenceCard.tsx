import { Badge, Group, List, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CadenceView } from "../../../src/work/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { useMe } from "../auth/session.ts";
import { pinCadence, refreshWork } from "./api.ts";
import { cadenceColors, cadenceLabels, dueText } from "./words.ts";

const pinOptions = [
  { value: "auto", label: "By the record" },
  { value: "daily", label: "Pin daily" },
  { value: "weekly", label: "Pin weekly" },
];

/**
 * A contractor's reporting cadence: daily or weekly, when the next report is due on their
 * clock and on the reader's, why, and every change so far. Staff may pin the cadence.
 */
export function CadenceCard({ cadence, staffView }: { cadence: CadenceView; staffView: boolean }) {
  const me = useMe();
  const format = useInstantFormat();
  const queryClient = useQueryClient();
  const pin = useMutation({
    mutationFn: (value: string) =>
      pinCadence(cadence.contractorId, value === "daily" || value === "weekly" ? value : null),
    onSuccess: () => refreshWork(queryClient),
  });
  const sameZone = cadence.timeZone === me.user.timeZone;
  const who = staffView ? cadence.contractorName : "You";
  return (
    <Paper withBorder radius="md" p="md" component="article">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            {staffView ? cadence.contractorName : "Your check-ins"}
          </Title>
          <Group gap={6}>
            <Badge color={cadenceColors[cadence.cadence]} variant="dot" radius="sm">
              {cadenceLabels[cadence.cadence]}
            </Badge>
            {cadence.pinned && (
              <Badge variant="default" radius="sm">
                Pinned
              </Badge>
            )}
          </Group>
        </Group>
        {cadence.nextDue ? (
          <Stack gap={2}>
            <Text size="sm">
              <Text span fw={600}>
                Next report due:
              </Text>{" "}
              {dueText(cadence.nextDue.at, cadence.timeZone)} ({who === "You" ? "your" : "their"}{" "}
              time, {cadence.timeZone})
            </Text>
            {!sameZone && (
              <Text size="sm" c="dimmed">
                That is {dueText(cadence.nextDue.at, me.user.timeZone)} for you ({me.user.timeZone}
                ).
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">No report is due yet.</Text>
        )}
        <Text size="sm">{cadence.explanation}</Text>
        {cadence.changes.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Changes
            </Text>
            <List size="sm" spacing={4}>
              {cadence.changes.map((change) => (
                <List.Item key={`${change.at}-${change.kind}`}>
                  <Text span size="xs" c="dimmed">
                    {format.date(change.at)}:
                  </Text>{" "}
                  {change.words}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        {staffView && (
          <Stack gap={4}>
            <SegmentedControl
              aria-label={`Cadence of ${cadence.contractorName}`}
              size="xs"
              fullWidth
              value={cadence.pinned ? cadence.cadence : "auto"}
              onChange={(value) => pin.mutate(value)}
              disabled={pin.isPending}
              data={pinOptions}
            />
            {pin.error && <FormError error={pin.error} inputs={[]} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
