import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconChevronLeft, IconChevronRight, IconTrash } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { Contract } from "../../../src/contracts/schema.ts";
import {
  addDays,
  durationText,
  isPeriodClosed,
  weekEnd,
  weekOf,
} from "../../../src/contracts/timesheet-rules.ts";
import type { TimesheetWeek, WeekEntries } from "../../../src/contracts/timesheet-schema.ts";
import { can, useMe } from "../auth/session.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { formatMoneyFixed } from "../app/money.ts";
import { newIntentKey } from "../ledger/api.ts";
import {
  logTime,
  refreshTimesheets,
  removeTimeEntry,
  submitWeek,
  timesheetsQuery,
  weekQuery,
} from "./timesheet-api.ts";

/** Where the milestone list (accept, send back, pay) sits on the contract page. */
export const MILESTONES_ANCHOR = "milestones";

/** Submitted weeks and months are reviewed and paid where every milestone is. */
export function ReviewedAsMilestone({ period }: { period: "week" | "month" }) {
  return (
    <>
      Each submitted {period} is a milestone: accept it, send it back or pay it under{" "}
      <Anchor href={`#${MILESTONES_ANCHOR}`}>Milestones and payments</Anchor>.
    </>
  );
}

/** Dark shades under white text keep 4.5:1 in both schemes; an open period is a plain outline. */
const statusLook: Record<TimesheetWeek["status"], { label: string; color?: string }> = {
  open: { label: "Open" },
  submitted: { label: "In review", color: "blue.9" },
  sent_back: { label: "Sent back", color: "red.9" },
  accepted: { label: "Accepted", color: "teal.9" },
  released: { label: "Paid", color: "cyan.9" },
};

/** A week's or month's status, in words (the colour only repeats them). */
export function PeriodStatusBadge({ status }: { status: TimesheetWeek["status"] }) {
  const look = statusLook[status];
  return (
    <Badge
      color={look.color}
      variant={look.color ? "filled" : "default"}
      radius="sm"
      style={{ minWidth: "max-content" }}
    >
      {look.label}
    </Badge>
  );
}

const utcDate = (date: string) => Date.parse(`${date}T00:00:00Z`);
const rangeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const dayFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "Apr 13 – 19, 2026". */
function formatWeek(monday: string): string {
  return rangeFormat.formatRange(utcDate(monday), utcDate(weekEnd(monday)));
}

/** An hourly contract's time: the contractor logs and submits it, the owner sees each week. */
export function Timesheets({ contract }: { contract: Contract }) {
  const me = useMe();
  const isContractor = can(me, "contracts.respond");
  const [week, setWeek] = useState<string | null>(null);
  const weekAnswer = useQuery(weekQuery(contract.id, week));
  return (
    <Stack gap="lg">
      <SectionCard
        title="Time"
        description={
          isContractor
            ? "Log the time you work each day, then submit the week for review. A week is paid once it is accepted."
            : "The time logged each week, up to the weekly cap."
        }
      >
        <Loaded query={weekAnswer}>
          {(shown) => (
            <WeekPanel
              contract={contract}
              shown={shown}
              editable={isContractor && contract.status === "active"}
              submittable={
                isContractor && contract.status !== "sent" && contract.status !== "draft"
              }
              onWeek={setWeek}
            />
          )}
        </Loaded>
      </SectionCard>
      <WeeksList contract={contract} isContractor={isContractor} onShow={setWeek} />
    </Stack>
  );
}

function WeekPanel({
  contract,
  shown,
  editable,
  submittable,
  onWeek,
}: {
  contract: Contract;
  shown: WeekEntries;
  editable: boolean;
  submittable: boolean;
  onWeek: (week: string) => void;
}) {
  const open = !isPeriodClosed(shown.status);
  const thisWeek = shown.week <= shown.today && shown.today <= weekEnd(shown.week);
  const used = shown.capMinutes === 0 ? 0 : (100 * shown.minutes) / shown.capMinutes;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="The week before"
          onClick={() => onWeek(addDays(shown.week, -7))}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Stack gap={2} align="center">
          <Text size="xs" c="dimmed">
            {thisWeek ? "This week" : "Week of"}
          </Text>
          <Text fw={600} ta="center">
            {formatWeek(shown.week)}
          </Text>
          <PeriodStatusBadge status={shown.status} />
        </Stack>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="The week after"
          disabled={thisWeek}
          onClick={() => onWeek(addDays(shown.week, 7))}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={500}>
            {durationText(shown.minutes)} of {durationText(shown.capMinutes)}{" "}
            {thisWeek ? "this week" : "that week"}
          </Text>
          <Text size="sm" c="dimmed">
            {formatMoneyFixed(shown.amount, shown.currency)}
          </Text>
        </Group>
        <Progress
          value={Math.min(100, used)}
          color={used >= 100 ? "orange" : "blue"}
          aria-label={`${durationText(shown.minutes)} of the ${durationText(shown.capMinutes)} weekly cap used`}
        />
      </Stack>
      {shown.status === "sent_back" && shown.feedback && (
        <Alert variant="default" color="red" title="Sent back with feedback">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {shown.feedback}
          </Text>
        </Alert>
      )}
      <EntriesTable contract={contract} shown={shown} removable={editable && open} />
      {editable && open && (
        <LogTimeForm
          key={`log-${shown.week}`}
          contract={contract}
          shown={shown}
          onLogged={onWeek}
        />
      )}
      {submittable && open && shown.minutes > 0 && shown.week <= shown.today && (
        <SubmitWeekForm key={`submit-${shown.week}`} contract={contract} shown={shown} />
      )}
    </Stack>
  );
}

function EntriesTable({
  contract,
  shown,
  removable,
}: {
  contract: Contract;
  shown: WeekEntries;
  removable: boolean;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: removeTimeEntry,
    onSuccess: () => {
      notifications.show({ message: "Time entry removed." });
      void refreshTimesheets(queryClient, contract.id);
    },
    onError: (error) => notifications.show({ color: "red", message: error.message }),
  });
  if (shown.entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No time logged in this week.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Day</Table.Th>
          <Table.Th ta="right">Time</Table.Th>
          <Table.Th>What was done</Table.Th>
          {removable && <Table.Th>Remove</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              {dayFormat.format(utcDate(entry.workDate))}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
              {durationText(entry.minutes)}
            </Table.Td>
            <Table.Td>{entry.description}</Table.Td>
            {removable && (
              <Table.Td>
                <Tooltip label="Remove" openDelay={300}>
                  <ActionIcon
                    variant="default"
                    aria-label={`Remove ${durationText(entry.minutes)} on ${dayFormat.format(utcDate(entry.workDate))}`}
                    loading={remove.isPending && remove.variables === entry.id}
                    onClick={() => remove.mutate(entry.id)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const logInputs = ["workDate", "minutes", "description"];

function LogTimeForm({
  contract,
  shown,
  onLogged,
}: {
  contract: Contract;
  shown: WeekEntries;
  onLogged: (week: string) => void;
}) {
  const queryClient = useQueryClient();
  const thisWeek = shown.week <= shown.today && shown.today <= weekEnd(shown.week);
  const [workDate, setWorkDate] = useState(thisWeek ? shown.today : shown.week);
  const [hours, setHours] = useState<number | string>("");
  const [minutes, setMinutes] = useState<number | string>("");
  const [description, setDescription] = useState("");
  const log = useMutation({
    mutationFn: logTime,
    onSuccess: (entry) => {
      notifications.show({ message: `${durationText(entry.minutes)} logged.` });
      setHours("");
      setMinutes("");
      setDescription("");
      onLogged(weekOf(entry.workDate));
      void refreshTimesheets(queryClient, contract.id);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const total = Number(hours || 0) * 60 + Number(minutes || 0);
    log.mutate({
      contractId: contract.id,
      workDate,
      minutes: total,
      description: description.trim(),
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="log-time-heading">
      <Stack gap="sm">
        <Text id="log-time-heading" fw={600} size="sm" component="h3" m={0}>
          Log time
        </Text>
        <FormError error={log.error} inputs={logInputs} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Day"
              type="date"
              value={workDate}
              max={shown.today}
              onChange={(event) => setWorkDate(event.currentTarget.value)}
              error={fieldError(log.error, "workDate")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label="Hours"
              min={0}
              max={24}
              allowDecimal={false}
              value={hours}
              onChange={setHours}
              error={fieldError(log.error, "minutes")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label="Minutes"
              min={0}
              max={59}
              step={15}
              allowDecimal={false}
              value={minutes}
              onChange={setMinutes}
            />
          </Grid.Col>
        </Grid>
        <Textarea
          label="What was done"
          autosize
          minRows={2}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(log.error, "description")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending}>
            Log time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SubmitWeekForm({ contract, shown }: { contract: Contract; shown: WeekEntries }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  // One key per intended submission: a retry of the same request is answered, not repeated.
  const [idempotencyKey, setIdempotencyKey] = useState(newIntentKey);
  const send = useMutation({
    mutationFn: submitWeek,
    onSuccess: (week) => {
      notifications.show({
        message: `${durationText(week.minutes)} submitted for review (${formatMoneyFixed(week.amount, week.currency)}).`,
      });
      setNote("");
      setIdempotencyKey(newIntentKey());
      void refreshTimesheets(queryClient, contract.id);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate({ contractId: contract.id, week: shown.week, note: note.trim(), idempotencyKey });
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="submit-week-heading">
      <Stack gap="sm">
        <Text id="submit-week-heading" fw={600} size="sm" component="h3" m={0}>
          Submit the week
        </Text>
        <FormError error={send.error} inputs={["note"]} />
        <Textarea
          label="Note for the review (optional)"
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(send.error, "note")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            Submit {durationText(shown.minutes)} for review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WeeksList({
  contract,
  isContractor,
  onShow,
}: {
  contract: Contract;
  isContractor: boolean;
  onShow: (week: string) => void;
}) {
  const weeks = useQuery(timesheetsQuery(contract.id));
  return (
    <SectionCard
      title="Weekly timesheets"
      description={
        isContractor ? (
          "Each week you submit, with what it is paid at the hourly rate."
        ) : (
          <ReviewedAsMilestone period="week" />
        )
      }
    >
      <Loaded query={weeks}>
        {(rows) =>
          rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No time logged yet.
            </Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Week</Table.Th>
                  <Table.Th ta="right">Time</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.week}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => onShow(row.week)}
                      >
                        {formatWeek(row.week)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {durationText(row.minutes)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {formatMoneyFixed(row.amount, row.currency)}
                    </Table.Td>
                    <Table.Td>
                      <PeriodStatusBadge status={row.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Loaded>
    </SectionCard>
  );
}
