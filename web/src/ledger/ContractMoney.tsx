import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DeliveryMilestone, Submission } from "../../../src/contracts/delivery-schema.ts";
import type { Contract } from "../../../src/contracts/schema.ts";
import type { ContractMoney as Money } from "../../../src/ledger/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoneyFixed } from "../app/money.ts";
import { can, useMe } from "../auth/session.ts";
import { MILESTONES_ANCHOR, PeriodStatusBadge } from "../contracts/Timesheets.tsx";
import { contractMoneyQuery, milestoneQuery, milestonesQuery } from "./api.ts";
import { EscrowForm, ReleaseForm, ReviewForm, SubmitWorkForm } from "./DeliveryDialogs.tsx";
import { MoneyDialog } from "./MoneyDialog.tsx";

/** What each person may do here, from their permissions. */
interface Roles {
  contractor: boolean;
  reviewer: boolean;
  payer: boolean;
}

type Dialog =
  | { kind: "fund" | "refund" }
  | { kind: "submit" | "accept" | "send-back" | "release"; milestone: DeliveryMilestone };

const kindLabels: Record<DeliveryMilestone["kind"], string> = {
  milestone: "Milestone",
  timesheet: "Timesheet week",
  retainer: "Retainer month",
};

const dialogTitles: Record<Dialog["kind"], string> = {
  fund: "Fund escrow",
  refund: "Refund escrow",
  submit: "Hand in work",
  accept: "Accept work",
  "send-back": "Send work back",
  release: "Release payment",
};

/**
 * The contract's money and work: what escrow holds, and every milestone, timesheet week and
 * retainer month with what each person can do next. Payment is released only for accepted work.
 */
export function ContractMoney({ contract }: { contract: Contract }) {
  const me = useMe();
  const roles: Roles = {
    contractor: can(me, "contracts.respond"),
    reviewer: can(me, "work.review"),
    payer: can(me, "payments.manage"),
  };
  const money = useQuery({
    ...contractMoneyQuery(contract.id),
    enabled: contract.status !== "draft",
  });
  const milestones = useQuery({
    ...milestonesQuery(contract.id),
    enabled: contract.status !== "draft",
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (contract.status === "draft") return null;
  const close = () => setDialog(null);
  return (
    <>
      <SectionCard
        title="Escrow"
        description={
          roles.contractor
            ? "Money the business has set aside for this contract. It is paid to you as your work is accepted."
            : "Money set aside for this contract, paid out only as you release accepted work."
        }
        aside={
          roles.payer && (
            <Group gap="xs">
              {(contract.status === "sent" || contract.status === "active") && (
                <Button size="sm" onClick={() => setDialog({ kind: "fund" })}>
                  Fund escrow
                </Button>
              )}
              {(money.data?.escrowHeld ?? 0) > 0 && (
                <Button size="sm" variant="default" onClick={() => setDialog({ kind: "refund" })}>
                  Refund
                </Button>
              )}
            </Group>
          )
        }
      >
        <Loaded query={money}>{(data) => <MoneyFigures money={data} />}</Loaded>
      </SectionCard>
      <section id={MILESTONES_ANCHOR} aria-labelledby="milestones-heading">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={2} size="h4" id="milestones-heading">
                Milestones and payments
              </Title>
              <Text size="sm" c="dimmed">
                {roles.contractor
                  ? "Hand in each milestone when it is done. Accepted work is paid; work sent back comes with what to change."
                  : "Review handed-in work, then release payment for what you accept. Nothing is paid before it is accepted."}
              </Text>
            </Stack>
            <Loaded query={milestones}>
              {(list) =>
                list.length === 0 ? (
                  <Text size="sm">Nothing to hand in yet.</Text>
                ) : (
                  <Stack gap="sm">
                    {list.map((milestone) => (
                      <MilestoneCard
                        key={milestone.id}
                        milestone={milestone}
                        contract={contract}
                        roles={roles}
                        onAction={(kind) => setDialog({ kind, milestone })}
                      />
                    ))}
                  </Stack>
                )
              }
            </Loaded>
          </Stack>
        </Paper>
      </section>
      <MoneyDialog
        opened={dialog !== null}
        onClose={close}
        title={dialog ? dialogTitles[dialog.kind] : ""}
      >
        {dialog && (dialog.kind === "fund" || dialog.kind === "refund") && (
          <EscrowForm
            contract={contract}
            mode={dialog.kind}
            held={money.data?.escrowHeld ?? 0}
            milestones={milestones.data ?? []}
            onDone={close}
          />
        )}
        {dialog?.kind === "submit" && (
          <SubmitWorkForm milestone={dialog.milestone} onDone={close} />
        )}
        {(dialog?.kind === "accept" || dialog?.kind === "send-back") && (
          <ReviewForm milestone={dialog.milestone} decision={dialog.kind} onDone={close} />
        )}
        {dialog?.kind === "release" && (
          <ReleaseForm
            milestone={dialog.milestone}
            contract={contract}
            escrowHeld={money.data?.escrowHeld ?? 0}
            onDone={close}
          />
        )}
      </MoneyDialog>
    </>
  );
}

function MoneyFigures({ money }: { money: Money }) {
  const amount = (cents: number) => formatMoneyFixed(cents, money.currency);
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }}>
      <StatCard
        label="Held in escrow"
        value={amount(money.escrowHeld)}
        size="md"
        note={`${amount(money.funded)} put in, ${amount(money.refunded)} refunded`}
      />
      <StatCard
        label="Accepted, awaiting release"
        value={amount(money.acceptedAwaitingRelease)}
        size="md"
      />
      <StatCard
        label="Released"
        value={amount(money.released)}
        size="md"
        note="Paid into what the contractor is owed"
      />
    </SimpleGrid>
  );
}

/** What the milestone's escrow and payment look like, in a few words. */
function moneyLine(milestone: DeliveryMilestone): string {
  const amount = (cents: number) => formatMoneyFixed(cents, milestone.currency);
  if (milestone.money.released !== null) return `${amount(milestone.money.released)} released`;
  const covered = milestone.money.escrowCovered;
  if (covered >= milestone.amount) return "Covered by escrow";
  if (covered > 0) return `${amount(covered)} of it in escrow`;
  return "Not in escrow";
}

function MilestoneCard({
  milestone,
  contract,
  roles,
  onAction,
}: {
  milestone: DeliveryMilestone;
  contract: Contract;
  roles: Roles;
  onAction: (kind: "submit" | "accept" | "send-back" | "release") => void;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const latest = milestone.latestSubmission;
  const mayHandIn =
    roles.contractor &&
    contract.status === "active" &&
    milestone.kind === "milestone" &&
    (milestone.status === "open" || milestone.status === "sent_back");
  const mayReview = roles.reviewer && milestone.status === "submitted";
  const mayRelease = roles.payer && milestone.status === "accepted";
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={`milestone-${milestone.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: "1 1 16rem" }}>
            <Group gap="xs">
              <Title order={3} size="h5" id={`milestone-${milestone.id}`}>
                {milestone.title}
              </Title>
              <PeriodStatusBadge status={milestone.status} />
              {milestone.kind !== "milestone" && (
                <Badge variant="outline" color="gray.7" radius="sm">
                  {kindLabels[milestone.kind]}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {milestone.deliverable}
              {milestone.dueDate ? ` · due ${milestone.dueDate}` : ""}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" ml="auto">
            <Text fw={700}>{formatMoneyFixed(milestone.amount, milestone.currency)}</Text>
            <Text size="xs" c="dimmed">
              {moneyLine(milestone)}
            </Text>
          </Stack>
        </Group>
        {latest && <LatestSubmission submission={latest} status={milestone.status} />}
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {mayHandIn && (
              <Button size="xs" onClick={() => onAction("submit")}>
                {milestone.status === "sent_back" ? "Hand in again" : "Submit work"}
              </Button>
            )}
            {mayReview && (
              <>
                <Button size="xs" onClick={() => onAction("accept")}>
                  Accept
                </Button>
                <Button size="xs" variant="default" onClick={() => onAction("send-back")}>
                  Send back
                </Button>
              </>
            )}
            {mayRelease && (
              <Button size="xs" color="teal.9" onClick={() => onAction("release")}>
                Release payment
              </Button>
            )}
          </Group>
          {latest && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setShowHistory((shown) => !shown)}
              aria-expanded={showHistory}
            >
              {showHistory ? "Hide history" : "Show history"}
            </Anchor>
          )}
        </Group>
        <Collapse expanded={showHistory}>
          {showHistory && <History milestoneId={milestone.id} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}

function LatestSubmission({
  submission,
  status,
}: {
  submission: Submission;
  status: DeliveryMilestone["status"];
}) {
  const format = useInstantFormat();
  if (status === "sent_back" && submission.feedback) {
    return (
      <Alert
        color="indigo"
        title={`Sent back${submission.decidedByName ? ` by ${submission.decidedByName}` : ""}`}
      >
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {submission.feedback}
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        Handed in {format.dateTime(submission.submittedAt)} by {submission.submittedByName}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lineClamp={3}>
        {submission.note}
      </Text>
      <Links links={submission.links} />
      {submission.decision === "accepted" && submission.feedback && (
        <Text size="sm" fw={500}>
          Accepted: {submission.feedback}
        </Text>
      )}
    </Stack>
  );
}

function Links({ links }: { links: readonly string[] }) {
  if (links.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {links.map((link) => (
        <List.Item key={link}>
          <Anchor
            href={link}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            style={{ wordBreak: "break-all" }}
          >
            {link}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

const decisionWords = { accepted: "Accepted", sent_back: "Sent back" } as const;

/** Every hand-in of the milestone, newest first, with the decision and feedback on each. */
function History({ milestoneId }: { milestoneId: string }) {
  const detail = useQuery(milestoneQuery(milestoneId));
  const format = useInstantFormat();
  return (
    <Loaded query={detail}>
      {(data) => (
        <Stack gap="sm" pt="xs">
          {data.submissions.map((submission) => (
            <Paper key={submission.id} withBorder radius="sm" p="sm">
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {format.dateTime(submission.submittedAt)} · {submission.submittedByName}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {submission.note}
                </Text>
                <Links links={submission.links} />
                <Text size="sm" fw={500}>
                  {submission.decision
                    ? `${decisionWords[submission.decision]}${submission.decidedByName ? ` by ${submission.decidedByName}` : ""}${
                        submission.decidedAt ? `, ${format.dateTime(submission.decidedAt)}` : ""
                      }`
                    : "Waiting for review"}
                </Text>
                {submission.feedback && (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {submission.feedback}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Loaded>
  );
}
