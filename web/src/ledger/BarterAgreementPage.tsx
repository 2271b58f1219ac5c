import { Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useParams } from "react-router";
import type { BarterSide } from "../../../src/ledger/barter-rules.ts";
import type { BarterDetail } from "../../../src/ledger/barter-schema.ts";
import { can, useMe } from "../auth/session.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoney, formatMoneyFixed } from "../app/money.ts";
import { barterQuery, closeBarter, refreshBarters } from "./barter-api.ts";
import { balanceParts, balanceText, deliveredText, formatDay } from "./barter-words.ts";
import { BarterDeliveryModal } from "./BarterDeliveryModal.tsx";
import { BarterModal } from "./BarterModal.tsx";
import { BarterStatus, PaymentsLink } from "./BarterPage.tsx";

/** One barter agreement: its terms, what each side has delivered and who owes whom. */
export function BarterAgreementPage() {
  const { id = "" } = useParams();
  const barter = useQuery(barterQuery(id));
  return (
    <Stack gap="lg">
      <PaymentsLink />
      <Loaded query={barter}>{(detail) => <Agreement barter={detail} />}</Loaded>
    </Stack>
  );
}

function Agreement({ barter }: { barter: BarterDetail }) {
  const me = useMe();
  const mayManage = can(me, "payments.manage") && barter.status === "active";
  const [recording, setRecording] = useState<BarterSide | null>(null);
  const { balance, currency } = barter;
  return (
    <Stack gap="lg">
      <PageHeader title={`Barter with ${barter.partner}`}>
        {barter.status === "active"
          ? "Record each delivery as it happens; the balance shows who owes whom."
          : "This agreement is closed. Its deliveries and balance stay on record."}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard
          label="You have given"
          value={formatMoney(balance.given, currency)}
          size="md"
          note={`${deliveredText(balance.given, barter.givesValue, currency)} agreed`}
        />
        <StatCard
          label="You have received"
          value={formatMoney(balance.received, currency)}
          size="md"
          note={`${deliveredText(balance.received, barter.getsValue, currency)} agreed`}
        />
        <StatCard
          label={balanceParts(barter).who}
          value={balanceParts(barter).amount}
          size="md"
          testId="barter-balance"
          note="In delivered value, not money: settled by delivering"
        />
      </SimpleGrid>
      <Terms barter={barter} mayManage={mayManage} />
      <SectionCard
        title="Deliveries"
        description="What each side has delivered, newest first."
        aside={
          mayManage && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setRecording("given")}>
                Record what you gave
              </Button>
              <Button variant="light" onClick={() => setRecording("received")}>
                Record what you received
              </Button>
            </Group>
          )
        }
      >
        <Deliveries barter={barter} />
      </SectionCard>
      <BarterDeliveryModal barter={barter} side={recording} onClose={() => setRecording(null)} />
    </Stack>
  );
}

function Terms({ barter, mayManage }: { barter: BarterDetail; mayManage: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const close = useMutation({
    mutationFn: closeBarter,
    onSuccess: () => {
      setClosing(false);
      notifications.show({ message: `The barter with ${barter.partner} is closed.` });
      void refreshBarters(queryClient);
    },
  });
  return (
    <SectionCard title="Terms" aside={<BarterStatus status={barter.status} />}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={500}>
            You give ({formatMoneyFixed(barter.givesValue, barter.currency)})
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {barter.gives}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={500}>
            You get ({formatMoneyFixed(barter.getsValue, barter.currency)})
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {barter.gets}
          </Text>
        </Stack>
      </SimpleGrid>
      {barter.contractorName && (
        <Text size="sm">
          {barter.partner} is {barter.contractorName} in your directory.
        </Text>
      )}
      {barter.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
          {barter.notes}
        </Text>
      )}
      {mayManage && (
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Change terms
          </Button>
          <Button variant="default" color="red" onClick={() => setClosing(true)}>
            Close agreement
          </Button>
        </Group>
      )}
      <BarterModal opened={editing} onClose={() => setEditing(false)} barter={barter} />
      <ConfirmDialog
        opened={closing}
        title={`Close the barter with ${barter.partner}?`}
        confirmLabel="Close agreement"
        onConfirm={() => close.mutate(barter.id)}
        onClose={() => setClosing(false)}
        pending={close.isPending}
        error={close.error}
      >
        No more deliveries can be recorded. The balance stays as it is: {balanceText(barter)}.
      </ConfirmDialog>
    </SectionCard>
  );
}

function Deliveries({ barter }: { barter: BarterDetail }) {
  const format = useInstantFormat();
  if (barter.deliveries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing delivered yet.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Delivered</Table.Th>
          <Table.Th ta="right">Value</Table.Th>
          <Table.Th>Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {barter.deliveries.map((delivery) => {
          const reversed = delivery.reversedAt !== null;
          return (
            <Table.Tr key={delivery.id} c={reversed ? "dimmed" : undefined}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDay(delivery.deliveredOn)}
                </Text>
                <Text size="xs" c="dimmed">
                  {delivery.side === "given" ? "By you" : `By ${barter.partner}`}
                </Text>
              </Table.Td>
              <Table.Td
                ta="right"
                style={{
                  whiteSpace: "nowrap",
                  textDecoration: reversed ? "line-through" : undefined,
                }}
              >
                {formatMoneyFixed(delivery.value, delivery.currency)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{delivery.note}</Text>
                {reversed && (
                  <Text size="xs">
                    Reversed {format.date(delivery.reversedAt ?? 0)}; not counted in the balance
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
