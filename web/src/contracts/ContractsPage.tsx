import {
  Alert,
  Anchor,
  Box,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconAdjustments, IconFileCertificate, IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { nextStep } from "../../../src/contracts/rules.ts";
import type { ContractStatus, ContractSummary } from "../../../src/contracts/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatMoney } from "../app/money.ts";
import { can, useMe } from "../auth/session.ts";
import { contractListKey, fetchContracts } from "./api.ts";
import { StatusBadge } from "./ContractBits.tsx";
import { ContractSettingsModal } from "./ContractSettingsModal.tsx";
import { paymentKindLabels, termText } from "./display.ts";

const statusFilters: { value: ContractStatus | "all"; label: string }[] = [
  { value: "all", label: "All" },
  { value: "draft", label: "Drafts" },
  { value: "sent", label: "Sent" },
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
  { value: "ended", label: "Ended" },
];

function EmptyContracts({ canEdit }: { canEdit: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState variant="light" size="lg" maw={640} mx="auto" py="lg">
        <EmptyState.Indicator>
          <IconFileCertificate size={30} />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>No work without a written contract</EmptyState.Title>
        <EmptyState.Description>
          Write down what you expect, what is delivered and by when, and how it is paid: a fixed
          price split into milestones, an hourly rate with a weekly cap, or a monthly retainer. The
          contractor reads it and accepts it in their portal, and nothing is ever paid in advance.
        </EmptyState.Description>
        {canEdit && (
          <Button
            mt="md"
            component={Link}
            to="/contracts/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            New contract
          </Button>
        )}
      </EmptyState>
    </Paper>
  );
}

function ContractTable({ contracts }: { contracts: ContractSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contract</Table.Th>
            <Table.Th>Contractor</Table.Th>
            <Table.Th>Payment</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Next step</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((contract) => (
            <Table.Tr key={contract.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contracts/${contract.id}`} fw={600}>
                  {contract.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {termText(contract.startDate, contract.endDate)}
                </Text>
              </Table.Td>
              <Table.Td>{contract.contractorName}</Table.Td>
              <Table.Td>{paymentKindLabels[contract.paymentKind]}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatMoney(contract.value, contract.currency)}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={contract.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{nextStep(contract.status)}</Text>
                {contract.guardFlagCount > 0 && (
                  <Text size="xs" c="dimmed">
                    Sent despite {contract.guardFlagCount}{" "}
                    {contract.guardFlagCount === 1 ? "warning" : "warnings"}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every contract, narrowed by status and contractor, with what each needs next. */
export function ContractsPage() {
  const me = useMe();
  const canEdit = can(me, "contracts.manage");
  const [status, setStatus] = useState<ContractStatus | "all">("all");
  const [contractorId, setContractorId] = useState("");
  const [settingsOpen, setSettingsOpen] = useState(false);
  const filter = {
    ...(status !== "all" && { status }),
    ...(contractorId && { contractorId }),
  };
  const contracts = useQuery({
    queryKey: contractListKey(filter),
    queryFn: () => fetchContracts(filter),
    placeholderData: keepPreviousData,
  });
  const everyone = useQuery({
    queryKey: contractListKey({}),
    queryFn: () => fetchContracts(),
  });
  const contractors = [
    ...new Map((everyone.data ?? []).map((c) => [c.contractorId, c.contractorName])),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const filtering = status !== "all" || contractorId !== "";

  return (
    <>
      <PageHeader title="Contracts">
        Every deal in writing before the work starts: expectations, deliverables, deadlines and
        payment terms, accepted by the contractor.
      </PageHeader>
      <Stack gap="lg">
        <Group justify="flex-end" gap="sm">
          {can(me, "contracts.settings") && (
            <Button
              variant="default"
              leftSection={<IconAdjustments size={16} aria-hidden />}
              onClick={() => setSettingsOpen(true)}
            >
              Guard limits
            </Button>
          )}
          {canEdit && (
            <Button
              component={Link}
              to="/contracts/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              New contract
            </Button>
          )}
        </Group>
        <Loaded query={contracts}>
          {(list) =>
            list.length === 0 && !filtering ? (
              <EmptyContracts canEdit={canEdit} />
            ) : (
              <SectionCard
                title="Your contracts"
                aside={
                  <Text size="sm" c="dimmed">
                    {list.length} {list.length === 1 ? "contract" : "contracts"}
                  </Text>
                }
              >
                <Group align="flex-end" gap="md">
                  <Box style={{ overflowX: "auto", maxWidth: "100%" }}>
                    <SegmentedControl
                      aria-label="Status"
                      data={statusFilters}
                      value={status}
                      onChange={(value) => setStatus(value as ContractStatus | "all")}
                    />
                  </Box>
                  <NativeSelect
                    label="Contractor"
                    data={[
                      { value: "", label: "Everyone" },
                      ...contractors.map(([id, name]) => ({ value: id, label: name })),
                    ]}
                    value={contractorId}
                    onChange={(event) => setContractorId(event.currentTarget.value)}
                    w={220}
                  />
                </Group>
                {list.length === 0 ? (
                  <Alert color="gray">
                    No contracts match.{" "}
                    <Anchor
                      component="button"
                      onClick={() => {
                        setStatus("all");
                        setContractorId("");
                      }}
                    >
                      Show them all
                    </Anchor>
                    .
                  </Alert>
                ) : (
                  <ContractTable contracts={list} />
                )}
              </SectionCard>
            )
          }
        </Loaded>
      </Stack>
      <ContractSettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}
