import { Alert, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { MAX_LINKS, type DeliveryMilestone } from "../../../src/contracts/delivery-schema.ts";
import type { Contract } from "../../../src/contracts/schema.ts";
import { ApiError } from "../app/api.ts";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, formatMoney, readAmount } from "../app/money.ts";
import {
  acceptWork,
  fundEscrow,
  refundEscrow,
  releasePayment,
  sendBackWork,
  submitWork,
} from "./api.ts";
import { DecisionFields, useDecisionDraft, type Decision } from "../work/DecisionFields.tsx";
import { DialogButtons } from "./MoneyDialog.tsx";
import { useMoneyAction } from "./use-money-action.ts";

/** The dialogs behind a contract's money panel and milestone list. */

/** The links typed one per line, without blanks. */
const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** The contractor hands in a milestone: what they did and where to find it. */
export function SubmitWorkForm({
  milestone,
  onDone,
}: {
  milestone: DeliveryMilestone;
  onDone: () => void;
}) {
  const [note, setNote] = useState("");
  const [links, setLinks] = useState("");
  const submit = useMoneyAction(submitWork, {
    done: () => `“${milestone.title}” is handed in for review.`,
    onDone,
  });
  const problems = submit.error instanceof ApiError ? submit.error.fields : {};
  // Each link is checked on its own ("links.0"); the first problem is shown under the box.
  const linkProblem = Object.entries(problems).find(([name]) => name.startsWith("links"))?.[1];
  function send(event: FormEvent) {
    event.preventDefault();
    submit.mutate({ milestoneId: milestone.id, note, links: linesOf(links) });
  }
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        <Text size="sm">
          <strong>{milestone.title}</strong>: {milestone.deliverable}
        </Text>
        {milestone.status === "sent_back" && milestone.latestSubmission?.feedback && (
          <Alert color="indigo" title="What to change">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {milestone.latestSubmission.feedback}
            </Text>
          </Alert>
        )}
        <FormError error={submit.error} inputs={["note", "links"]} />
        <Textarea
          label="What you are handing in"
          description="What is done, and anything the reviewer should know"
          autosize
          minRows={3}
          maxLength={5000}
          data-autofocus
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(submit.error, "note")}
        />
        <Textarea
          label="Links"
          description={`Where to find the work, one web address per line (at most ${MAX_LINKS})`}
          placeholder="https://docs.example.com/first-three-posts"
          autosize
          minRows={2}
          value={links}
          onChange={(event) => setLinks(event.currentTarget.value)}
          error={linkProblem}
        />
        <DialogButtons
          label={milestone.status === "sent_back" ? "Hand in again" : "Hand in"}
          pending={submit.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Accepting handed-in work (ratings and an optional note) or sending it back (specific feedback). */
export function ReviewForm({
  milestone,
  decision,
  onDone,
}: {
  milestone: DeliveryMilestone;
  decision: Decision;
  onDone: () => void;
}) {
  const draft = useDecisionDraft(decision);
  const { accepting } = draft;
  const review = useMoneyAction(accepting ? acceptWork : sendBackWork, {
    done: () =>
      accepting
        ? `“${milestone.title}” is accepted.`
        : `“${milestone.title}” is sent back with your feedback.`,
    onDone,
  });
  function send(event: FormEvent) {
    event.preventDefault();
    const words = draft.check();
    if (words) review.mutate({ milestoneId: milestone.id, ...words });
  }
  const latest = milestone.latestSubmission;
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        {latest && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Handed in by {latest.submittedByName}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {latest.note}
            </Text>
          </Stack>
        )}
        <DecisionFields draft={draft} error={review.error} />
        {accepting && (
          <Text size="xs" c="dimmed">
            Accepting does not pay yet: the owner releases the payment for accepted work.
          </Text>
        )}
        <DialogButtons
          label={accepting ? "Accept work" : "Send back"}
          pending={review.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Pays accepted work into what the contractor is owed: from escrow first, then from funds. */
export function ReleaseForm({
  milestone,
  contract,
  escrowHeld,
  onDone,
}: {
  milestone: DeliveryMilestone;
  contract: Contract;
  escrowHeld: number;
  onDone: () => void;
}) {
  const release = useMoneyAction(releasePayment, {
    done: () =>
      `Released ${formatMoney(milestone.amount, milestone.currency)} to ${contract.contractorName}.`,
    onDone,
  });
  const fromEscrow = Math.min(milestone.amount, Math.max(0, escrowHeld));
  function send(event: FormEvent) {
    event.preventDefault();
    release.mutate({ milestoneId: milestone.id });
  }
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Release {formatMoney(milestone.amount, milestone.currency)} for “{milestone.title}” to
          what {contract.contractorName} is owed.{" "}
          {fromEscrow === milestone.amount
            ? "It all comes from this contract's escrow."
            : fromEscrow > 0
              ? `${formatMoney(fromEscrow, milestone.currency)} comes from escrow, the rest from your funds.`
              : "Escrow holds nothing for it, so it comes from your funds."}{" "}
          Then record the payout when you send the money.
        </Text>
        <FormError error={release.error} inputs={[]} />
        <DialogButtons label="Release payment" pending={release.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Puts money in the contract's escrow, or takes it back out. */
export function EscrowForm({
  contract,
  mode,
  held,
  milestones,
  onDone,
}: {
  contract: Contract;
  mode: "fund" | "refund";
  held: number;
  milestones: readonly DeliveryMilestone[];
  onDone: () => void;
}) {
  const funding = mode === "fund";
  const unpaid = milestones.filter((milestone) => milestone.status !== "released");
  const firstUncovered = unpaid.find(
    (milestone) => milestone.money.escrowCovered < milestone.amount,
  );
  const suggested = funding
    ? firstUncovered
      ? firstUncovered.amount - firstUncovered.money.escrowCovered
      : null
    : held;
  const [text, setText] = useState(amountText(suggested, contract.currency));
  const [milestoneId, setMilestoneId] = useState<string | null>(
    funding ? (firstUncovered?.id ?? null) : null,
  );
  const [problem, setProblem] = useState<string | undefined>();
  const move = useMoneyAction(funding ? fundEscrow : refundEscrow, {
    done: (moved) =>
      funding
        ? `Put ${formatMoney(moved.amount, moved.currency)} in escrow.`
        : `Took ${formatMoney(moved.amount, moved.currency)} back out of escrow.`,
    onDone,
  });
  function send(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(text, contract.currency);
    setProblem(reading.error);
    if (reading.error !== undefined || reading.cents === null) return;
    move.mutate({
      contractId: contract.id,
      amount: reading.cents,
      currency: contract.currency,
      ...(funding && milestoneId ? { milestoneId } : {}),
    });
  }
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {funding
            ? "Escrow sets money aside for this contract, so the contractor knows it is there. It is paid out only when you release accepted work."
            : `Escrow holds ${formatMoney(held, contract.currency)} for this contract. What you take back returns to your funds.`}
        </Text>
        <FormError error={move.error} inputs={["amount", "currency", "milestoneId"]} />
        <MoneyInput
          label={funding ? "Amount to put in escrow" : "Amount to take back"}
          currency={contract.currency}
          value={text}
          onChange={setText}
          data-autofocus
          error={problem ?? fieldError(move.error, "amount") ?? fieldError(move.error, "currency")}
        />
        {funding && unpaid.length > 0 && (
          <Select
            label="For milestone (optional)"
            description="Only a label: escrow covers the contract's unpaid work in order"
            clearable
            value={milestoneId}
            onChange={setMilestoneId}
            data={unpaid.map((milestone) => ({ value: milestone.id, label: milestone.title }))}
            error={fieldError(move.error, "milestoneId")}
          />
        )}
        <DialogButtons
          label={funding ? "Fund escrow" : "Refund escrow"}
          pending={move.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
