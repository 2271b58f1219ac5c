import { Badge, Progress, Stack, Text } from "@mantine/core";
import type { RunSummary } from "../../../src/sops/schema.ts";

const dueFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A due date ("2026-11-30") the way people write it: "Nov 30, 2026". */
export function dueDateText(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dueFormat.format(ms);
}

/** Time spent on a step, said the short way. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 1) return "under a minute";
  if (minutes < 90) return `${Math.round(minutes)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

export function RunStatus({ run }: { run: RunSummary }) {
  if (run.status === "accepted") {
    return (
      <Badge color="green.9" variant="filled">
        Accepted
      </Badge>
    );
  }
  if (run.status === "submitted") {
    return (
      <Badge color="teal.9" variant="filled">
        Submitted
      </Badge>
    );
  }
  // A run reopened by a send-back keeps the time it was handed in.
  if (run.submittedAt !== null) {
    return (
      <Badge color="red.9" variant="filled">
        Sent back
      </Badge>
    );
  }
  return (
    <Badge color="blue.8" variant="filled">
      In progress
    </Badge>
  );
}

/** Steps ticked of all, in words and as a bar. */
export function RunProgress({ run, label }: { run: RunSummary; label: string }) {
  const percent = run.stepCount === 0 ? 0 : Math.round((run.stepsDone / run.stepCount) * 100);
  return (
    <Stack gap={2} miw={120}>
      <Text size="xs">
        {run.stepsDone} of {run.stepCount} steps
      </Text>
      <Progress value={percent} size="sm" aria-label={label} />
    </Stack>
  );
}
