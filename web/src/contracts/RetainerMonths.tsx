import { Button, Group, NativeSelect, Stack, Table, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { monthLabel } from "../../../src/contracts/retainer-rules.ts";
import type { RetainerMonths as Months } from "../../../src/contracts/retainer-schema.ts";
import type { Contract } from "../../../src/contracts/schema.ts";
import { isPeriodClosed } from "../../../src/contracts/timesheet-rules.ts";
import { ApiError } from "../app/api.ts";
import { can, useMe } from "../auth/session.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { formatMoneyFixed } from "../app/money.ts";
import { newIntentKey } from "../ledger/api.ts";
import { refreshRetainer, retainerQuery, submitMonth } from "./retainer-api.ts";
import { PeriodStatusBadge, ReviewedAsMilestone } from "./Timesheets.tsx";

/** A retainer's months: the contractor submits each month's work; both see where each stands. */
export function RetainerMonths({ contract }: { contract: Contract }) {
  const me = useMe();
  const isContractor = can(me, "contracts.respond");
  const months = useQuery(retainerQuery(contract.id));
  const submittable = isContractor && contract.status !== "sent" && contract.status !== "draft";
  return (
    <SectionCard
      title="Monthly retainer"
      description={
        isContractor ? (
          "Submit each month's work for review. A month is paid once it is accepted."
        ) : (
          <ReviewedAsMilestone period="month" />
        )
      }
    >
      <Loaded query={months}>
        {(answer) => (
          <Stack gap="lg">
            <MonthsTable answer={answer} />
            {submittable && <SubmitMonthForm contract={contract} answer={answer} />}
          </Stack>
        )}
      </Loaded>
    </SectionCard>
  );
}

function MonthsTable({ answer }: { answer: Months }) {
  if (answer.months.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The contract has not started yet.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Month</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {answer.months.map((row) => (
          <Table.Tr key={row.month}>
            <Table.Td>
              <Text size="sm">{monthLabel(row.month)}</Text>
              {row.status === "sent_back" && row.feedback && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                  Feedback: {row.feedback}
                </Text>
              )}
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
  );
}

const inputs = ["month", "note", "links"];

function SubmitMonthForm({ contract, answer }: { contract: Contract; answer: Months }) {
  const queryClient = useQueryClient();
  const openMonths = answer.months.filter((row) => !isPeriodClosed(row.status));
  const [month, setMonth] = useState(openMonths[0]?.month ?? "");
  const [note, setNote] = useState("");
  const [links, setLinks] = useState("");
  // One key per intended submission: a retry of the same request is answered, not repeated.
  const [idempotencyKey, setIdempotencyKey] = useState(newIntentKey);
  const send = useMutation({
    mutationFn: submitMonth,
    onSuccess: (submitted) => {
      notifications.show({
        message: `${monthLabel(submitted.month)} submitted for review (${formatMoneyFixed(submitted.amount, submitted.currency)}).`,
      });
      setNote("");
      setLinks("");
      setIdempotencyKey(newIntentKey());
      void refreshRetainer(queryClient, contract.id);
    },
  });
  if (openMonths.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Every month so far is submitted.
      </Text>
    );
  }
  const chosen = openMonths.some((row) => row.month === month) ? month : openMonths[0]!.month;
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate({
      contractId: contract.id,
      month: chosen,
      note: note.trim(),
      links: links
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== ""),
      idempotencyKey,
    });
  }
  // Each link is checked on its own ("links.2"); the problem is shown under the one box.
  const linkFields = Object.entries(send.error instanceof ApiError ? send.error.fields : {}).filter(
    ([name]) => name.startsWith("links"),
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="submit-month-heading">
      <Stack gap="sm">
        <Text id="submit-month-heading" fw={600} size="sm" component="h3" m={0}>
          Submit a month's work
        </Text>
        <FormError error={send.error} inputs={[...inputs, ...linkFields.map(([name]) => name)]} />
        <NativeSelect
          label="Month"
          value={chosen}
          onChange={(event) => setMonth(event.currentTarget.value)}
          data={openMonths.map((row) => ({
            value: row.month,
            label: `${monthLabel(row.month)}${row.status === "sent_back" ? " (sent back)" : ""}`,
          }))}
          error={fieldError(send.error, "month")}
        />
        <Textarea
          label="What was done"
          autosize
          minRows={3}
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(send.error, "note")}
        />
        <Textarea
          label="Links to the work (optional, one per line)"
          autosize
          minRows={2}
          value={links}
          onChange={(event) => setLinks(event.currentTarget.value)}
          error={linkFields[0]?.[1]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            Submit {monthLabel(chosen)} for review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
