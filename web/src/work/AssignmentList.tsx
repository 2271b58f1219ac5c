import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Assignment } from "../../../src/work/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { cancelWork, markDone, refreshWork } from "./api.ts";
import { hoursText } from "./words.ts";

const statusLabels: Record<Assignment["status"], { label: string; color: string }> = {
  open: { label: "Open", color: "blue" },
  done: { label: "Done", color: "teal" },
  cancelled: { label: "Cancelled", color: "gray" },
};

function AssignmentRow({ assignment, staffView }: { assignment: Assignment; staffView: boolean }) {
  const queryClient = useQueryClient();
  const finish = useMutation({
    mutationFn: (how: "done" | "cancel") =>
      how === "done" ? markDone(assignment.id) : cancelWork(assignment.id),
    onSuccess: () => refreshWork(queryClient),
  });
  const status = statusLabels[assignment.status];
  const open = assignment.status === "open";
  return (
    <Paper withBorder radius="sm" p="sm" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
              {assignment.title}
            </Text>
            <Text size="xs" c="dimmed">
              {staffView && `${assignment.contractorName} · `}
              {assignment.contractTitle} · due {assignment.dueDate} ·{" "}
              {hoursText(assignment.expectedMinutes)} expected
            </Text>
          </Stack>
          <Badge color={status.color} variant="dot" radius="sm">
            {status.label}
          </Badge>
        </Group>
        {(assignment.taskName || assignment.sopTitle) && (
          <Text size="xs">
            {assignment.taskName && `Task: ${assignment.taskName}`}
            {assignment.taskName && assignment.sopTitle && " · "}
            {assignment.sopTitle && `Procedure: ${assignment.sopTitle}`}
          </Text>
        )}
        {assignment.notes && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {assignment.notes}
          </Text>
        )}
        {open && (
          <Group gap="xs" justify="flex-end">
            {staffView && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={finish.isPending && finish.variables === "cancel"}
                onClick={() => finish.mutate("cancel")}
                aria-label={`Cancel “${assignment.title}”`}
              >
                Cancel
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              loading={finish.isPending && finish.variables === "done"}
              onClick={() => finish.mutate("done")}
              aria-label={`Mark “${assignment.title}” done`}
            >
              Mark done
            </Button>
          </Group>
        )}
        {finish.error && <FormError error={finish.error} inputs={[]} />}
      </Stack>
    </Paper>
  );
}

/** Assigned work, open first; staff may cancel it, and either side may mark it done. */
export function AssignmentList({
  assignments,
  staffView,
  empty,
}: {
  assignments: readonly Assignment[];
  staffView: boolean;
  empty: string;
}) {
  if (assignments.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {assignments.map((assignment) => (
        <AssignmentRow key={assignment.id} assignment={assignment} staffView={staffView} />
      ))}
    </Stack>
  );
}
