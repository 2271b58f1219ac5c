import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { IconArrowsExchange, IconGift } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  transactionKinds,
  type LedgerTransaction,
  type PaymentsSummary,
  type PersonTotals,
  type TransactionKind,
} from "../../../src/ledger/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoneyFixed } from "../app/money.ts";
import { can, useMe } from "../auth/session.ts";
import { NotAllowedPage } from "../app/NotAllowedPage.tsx";
import { paymentsQuery, summaryQuery, type PaymentsQuery } from "./api.ts";
import { MoneyDialog } from "./MoneyDialog.tsx";
import { BonusForm, PayoutForm, ReverseForm } from "./PaymentDialogs.tsx";
import { accountLabels, kindColors, kindLabels, methodLabels } from "./words.ts";

/**
 * Payments: what escrow holds, what is owed and paid, who is owed what, and every movement.
 * Money reaches people only through accepted work and bonuses; payouts record what was sent.
 */
export function PaymentsPage() {
  const me = useMe();
  if (!can(me, "payments.read")) return <NotAllowedPage />;
  return <Payments mayManage={can(me, "payments.manage")} />;
}

function Payments({ mayManage }: { mayManage: boolean }) {
  const summary = useQuery(summaryQuery);
  const [paying, setPaying] = useState<PersonTotals | null>(null);
  // A link elsewhere (top performers) may open the bonus for someone: ?bonus=<id>. Only the id
  // is taken from the address; who it is shows in the bonus form's list, from the directory.
  const [params, setParams] = useSearchParams();
  const bonusFor = mayManage ? params.get("bonus") : null;
  const [rewarding, setRewarding] = useState<
    Pick<PersonTotals, "contractorId" | "contractorName"> | "anyone" | null
  >(bonusFor ? "anyone" : null);
  const closeBonus = () => {
    setRewarding(null);
    if (params.has("bonus")) setParams({}, { replace: true });
  };
  return (
    <Stack gap="lg">
      <PageHeader title="Payments">
        Never pay in advance: money is released only for work you have accepted, and escrow can hold
        it until then. Payouts record what you sent, so what you owe is always up to date.
      </PageHeader>
      <Group gap="xs" component="nav" aria-label="Payments sections">
        <Button component={Link} to="/payments" variant="light" aria-current="page">
          Money
        </Button>
        <Button
          component={Link}
          to="/payments/barter"
          variant="subtle"
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
        >
          Barter
        </Button>
      </Group>
      <Loaded query={summary}>{(data) => <SummaryCards summary={data} />}</Loaded>
      <SectionCard
        title="Owed to people"
        description="Accepted work and bonuses not yet paid out, and what each person has been paid."
        aside={
          mayManage && (
            <Button
              variant="default"
              leftSection={<IconGift size={16} aria-hidden />}
              onClick={() => setRewarding("anyone")}
            >
              Give a bonus
            </Button>
          )
        }
      >
        <Loaded query={summary}>
          {(data) => (
            <OwedTable
              people={data.people}
              mayManage={mayManage}
              onPay={setPaying}
              onReward={(person) => setRewarding(person)}
            />
          )}
        </Loaded>
      </SectionCard>
      <Transactions mayManage={mayManage} />
      <MoneyDialog
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying ? `Record a payout to ${paying.contractorName}` : ""}
      >
        {paying && <PayoutForm person={paying} onDone={() => setPaying(null)} />}
      </MoneyDialog>
      <MoneyDialog
        opened={rewarding !== null}
        onClose={closeBonus}
        title={
          rewarding && rewarding !== "anyone"
            ? `Give ${rewarding.contractorName} a bonus`
            : "Give a bonus"
        }
      >
        {rewarding && (
          <BonusForm
            person={rewarding === "anyone" ? undefined : rewarding}
            suggested={bonusFor ?? undefined}
            onDone={closeBonus}
          />
        )}
      </MoneyDialog>
    </Stack>
  );
}

function SummaryCards({ summary }: { summary: PaymentsSummary }) {
  if (summary.currencies.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has been put in escrow, released or paid yet. Fund escrow or release accepted work
        from a contract&apos;s page.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {summary.currencies.map((line) => (
        <section key={line.currency} aria-labelledby={`totals-${line.currency}`}>
          <Title order={2} size="h5" id={`totals-${line.currency}`} mb="xs">
            In {line.currency}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <StatCard
              label="Escrow held"
              value={formatMoneyFixed(line.escrowHeld, line.currency)}
              note="Set aside on contracts, not yet released"
              size="md"
            />
            <StatCard
              label="Owed"
              value={formatMoneyFixed(line.owed, line.currency)}
              note="Accepted work and bonuses not yet paid out"
              size="md"
            />
            <StatCard
              label="Paid out"
              value={formatMoneyFixed(line.paidOut, line.currency)}
              note="Recorded as sent to people"
              size="md"
            />
            <StatCard
              label="Spent this month"
              value={formatMoneyFixed(line.spentThisMonth, line.currency)}
              note="Released work and bonuses; counts against your budget"
              size="md"
            />
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

function OwedTable({
  people,
  mayManage,
  onPay,
  onReward,
}: {
  people: PersonTotals[];
  mayManage: boolean;
  onPay: (person: PersonTotals) => void;
  onReward: (person: PersonTotals) => void;
}) {
  if (people.length === 0) {
    return (
      <Text size="sm">
        No one is owed anything yet. Accepted work shows up here once it is released.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th ta="right">Owed</Table.Th>
            <Table.Th ta="right">Paid</Table.Th>
            {mayManage && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={`${person.contractorId}-${person.currency}`}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${person.contractorId}`} fw={600}>
                  {person.contractorName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" fw={person.owed > 0 ? 700 : undefined}>
                {formatMoneyFixed(person.owed, person.currency)}
              </Table.Td>
              <Table.Td ta="right">{formatMoneyFixed(person.paid, person.currency)}</Table.Td>
              {mayManage && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {person.owed > 0 && (
                      <Button
                        size="xs"
                        onClick={() => onPay(person)}
                        aria-label={`Record payout to ${person.contractorName}`}
                      >
                        Record payout
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onReward(person)}
                      aria-label={`Give ${person.contractorName} a bonus`}
                    >
                      Bonus
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const kindOptions = [
  { value: "", label: "Every kind" },
  ...transactionKinds.map((kind) => ({ value: kind, label: kindLabels[kind] })),
];

function Transactions({ mayManage }: { mayManage: boolean }) {
  const summary = useQuery(summaryQuery);
  const [kind, setKind] = useState<TransactionKind | "">("");
  const [contractorId, setContractorId] = useState("");
  const filter: PaymentsQuery = {
    kind: kind || undefined,
    contractorId: contractorId || undefined,
  };
  const pages = useInfiniteQuery(paymentsQuery(filter));
  const [reversing, setReversing] = useState<LedgerTransaction | null>(null);
  const people = new Map(
    (summary.data?.people ?? []).map((person) => [person.contractorId, person.contractorName]),
  );
  return (
    <SectionCard
      title="Transactions"
      description="Every movement in the ledger, newest first. Nothing is ever changed or deleted: a mistake is reversed."
    >
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as TransactionKind | "")}
          data={kindOptions}
        />
        <NativeSelect
          label="Person"
          value={contractorId}
          onChange={(event) => setContractorId(event.currentTarget.value)}
          data={[
            { value: "", label: "Everyone" },
            ...[...people].map(([value, label]) => ({ value, label })),
          ]}
        />
      </Group>
      <Loaded query={pages}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text size="sm">No movements match.</Text>;
          return (
            <Stack gap="sm">
              <TransactionsTable items={items} mayManage={mayManage} onReverse={setReversing} />
              {pages.hasNextPage && (
                <Group justify="center">
                  <Button
                    variant="default"
                    loading={pages.isFetchingNextPage}
                    onClick={() => void pages.fetchNextPage()}
                  >
                    Show older
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </Loaded>
      <MoneyDialog
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        title="Reverse a movement"
      >
        {reversing && <ReverseForm transaction={reversing} onDone={() => setReversing(null)} />}
      </MoneyDialog>
    </SectionCard>
  );
}

/** Where the money went, in words: "Escrow → Owed". */
function routeOf(transaction: LedgerTransaction): string {
  const from = transaction.entries
    .filter((entry) => entry.amount < 0)
    .map((entry) => accountLabels[entry.account]);
  const to = transaction.entries
    .filter((entry) => entry.amount > 0)
    .map((entry) => accountLabels[entry.account]);
  return from.length === 0 ? "" : `${from.join(" + ")} → ${to.join(" + ")}`;
}

function TransactionsTable({
  items,
  mayManage,
  onReverse,
}: {
  items: LedgerTransaction[];
  mayManage: boolean;
  onReverse: (transaction: LedgerTransaction) => void;
}) {
  const format = useInstantFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>For</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            {mayManage && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(item.createdAt)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6}>
                    <Badge color={kindColors[item.kind]} variant="filled" radius="sm">
                      {kindLabels[item.kind]}
                    </Badge>
                    {item.reversedById && (
                      <Badge color="red.9" variant="outline" radius="sm">
                        Reversed
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{item.memo}</Text>
                  {item.method && (
                    <Text size="xs" c="dimmed">
                      {methodLabels[item.method]}
                      {item.reference ? ` · ${item.reference}` : ""}
                      {item.paidOn ? ` · paid ${item.paidOn}` : ""}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {routeOf(item)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {item.contractorName && <Text size="sm">{item.contractorName}</Text>}
                  {item.contractId && item.contractTitle && (
                    <Anchor component={Link} to={`/contracts/${item.contractId}`} size="xs">
                      {item.contractTitle}
                    </Anchor>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} fw={600}>
                {formatMoneyFixed(item.amount, item.currency)}
              </Table.Td>
              {mayManage && (
                <Table.Td>
                  {item.reversible && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onReverse(item)}
                      aria-label={`Reverse ${kindLabels[item.kind].toLowerCase()} of ${formatMoneyFixed(item.amount, item.currency)}${item.contractorName ? ` to ${item.contractorName}` : ""}`}
                    >
                      Reverse
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
