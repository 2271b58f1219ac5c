import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { IconArrowLeft, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Barter } from "../../../src/ledger/barter-schema.ts";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { bartersQuery } from "./barter-api.ts";
import { balanceText, deliveredText } from "./barter-words.ts";
import { BarterModal } from "./BarterModal.tsx";

export const barterPath = (id: string) => `/payments/barter/${encodeURIComponent(id)}`;

/** Back to the payments page, from either barter page. */
export function PaymentsLink() {
  return (
    <Group gap={4}>
      <IconArrowLeft size={14} aria-hidden />
      <Anchor component={Link} to="/payments" size="sm">
        Payments
      </Anchor>
    </Group>
  );
}

/** Active or closed, in words; never cut short by a narrow column. */
export function BarterStatus({ status }: { status: Barter["status"] }) {
  return (
    <Badge
      variant={status === "active" ? "filled" : "default"}
      color={status === "active" ? "blue.9" : undefined}
      radius="sm"
      style={{ minWidth: "max-content" }}
    >
      {status === "active" ? "Active" : "Closed"}
    </Badge>
  );
}

/** Barter agreements: work traded for work, each with its running balance. */
export function BarterPage() {
  const me = useMe();
  const navigate = useNavigate();
  const barters = useQuery(bartersQuery);
  const [adding, setAdding] = useState(false);
  const mayManage = can(me, "payments.manage");
  return (
    <Stack gap="lg">
      <PaymentsLink />
      <PageHeader title="Barter">
        Trade work for work. What each side delivers is kept in the ledger at the value you agreed,
        apart from the money you pay, so you can see at a glance who owes whom.
      </PageHeader>
      <SectionCard
        title="Agreements"
        description="Newest first, with what each side has delivered so far."
        aside={
          mayManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              Add agreement
            </Button>
          )
        }
      >
        <Loaded query={barters}>
          {(rows) =>
            rows.length === 0 ? (
              <Text size="sm">
                No barter agreements yet. Add one when you trade your work for someone else's, for
                example a website for product photos.
              </Text>
            ) : (
              <>
                <Box visibleFrom="md">
                  <AgreementsTable rows={rows} />
                </Box>
                <Stack hiddenFrom="md" gap="sm">
                  {rows.map((barter) => (
                    <AgreementCard key={barter.id} barter={barter} />
                  ))}
                </Stack>
              </>
            )
          }
        </Loaded>
      </SectionCard>
      <BarterModal
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={(saved) => navigate(barterPath(saved.id))}
      />
    </Stack>
  );
}

function AgreementsTable({ rows }: { rows: Barter[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Partner</Table.Th>
            <Table.Th>You give</Table.Th>
            <Table.Th>You get</Table.Th>
            <Table.Th>Balance</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((barter) => (
            <Table.Tr key={barter.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Anchor component={Link} to={barterPath(barter.id)} fw={600}>
                  {barter.partner}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {barter.gives}
                </Text>
                <Text size="xs" c="dimmed">
                  Given {deliveredText(barter.balance.given, barter.givesValue, barter.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {barter.gets}
                </Text>
                <Text size="xs" c="dimmed">
                  Received{" "}
                  {deliveredText(barter.balance.received, barter.getsValue, barter.currency)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{balanceText(barter)}</Table.Td>
              <Table.Td>
                <BarterStatus status={barter.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One agreement on a narrow screen: who, the balance, and what each side has delivered. */
function AgreementCard({ barter }: { barter: Barter }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={barterPath(barter.id)} fw={600}>
            {barter.partner}
          </Anchor>
          <BarterStatus status={barter.status} />
        </Group>
        <Text size="sm" fw={500}>
          {balanceText(barter)}
        </Text>
        <Text size="xs" c="dimmed">
          Given {deliveredText(barter.balance.given, barter.givesValue, barter.currency)} · Received{" "}
          {deliveredText(barter.balance.received, barter.getsValue, barter.currency)}
        </Text>
      </Stack>
    </Paper>
  );
}
