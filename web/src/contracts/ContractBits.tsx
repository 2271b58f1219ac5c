import { Badge, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Acceptance, Contract, ContractStatus } from "../../../src/contracts/schema.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoney } from "../app/money.ts";
import { ContractMoney } from "../ledger/ContractMoney.tsx";
import { paymentKindLabels, paymentText, statusColors, statusLabels, termText } from "./display.ts";
import { RetainerMonths } from "./RetainerMonths.tsx";
import { Timesheets } from "./Timesheets.tsx";

export function StatusBadge({ status }: { status: ContractStatus }) {
  return (
    <Badge variant="dot" color={statusColors[status]}>
      {statusLabels[status]}
    </Badge>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The contract at a glance: who, when, how it is paid and what it is worth. */
export function ContractFacts({ contract }: { contract: Contract }) {
  const format = useInstantFormat();
  const discount = contract.volumeDiscount;
  const discountUnit =
    contract.payment.kind === "hourly"
      ? "hours"
      : contract.payment.kind === "retainer"
        ? "months"
        : "milestones";
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Row label="Contractor">{contract.contractorName}</Row>
        {contract.areaName && <Row label="Area">{contract.areaName}</Row>}
        <Row label="Term">{termText(contract.startDate, contract.endDate)}</Row>
        <Row label="Payment">
          {paymentKindLabels[contract.payment.kind]}:{" "}
          {paymentText(contract.payment, contract.currency)}
        </Row>
        {discount && (
          <Row label="Volume discount">
            {discount.basisPoints / 100} % less after {discount.after} {discountUnit}
          </Row>
        )}
        <Row label="Value">
          {formatMoney(contract.value, contract.currency)}
          {contract.valueNote && (
            <Text size="xs" c="dimmed">
              {contract.valueNote}
            </Text>
          )}
        </Row>
        <Row label="Version">{contract.version}</Row>
        {contract.sentAt !== null && <Row label="Sent">{format.dateTime(contract.sentAt)}</Row>}
        {contract.finishedAt !== null && (
          <Row label={contract.status === "ended" ? "Ended" : "Completed"}>
            {format.dateTime(contract.finishedAt)}
            {contract.endReason && (
              <Text size="sm" c="dimmed">
                {contract.endReason}
              </Text>
            )}
          </Row>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** Who accepted which version, when, from where, and the fingerprint of the exact text. */
export function AcceptanceRecord({ acceptance }: { acceptance: Acceptance | null }) {
  const format = useInstantFormat();
  return (
    <SectionCard
      title="Acceptance record"
      description="The contractor accepts by typing their name; the exact text they accepted is kept."
    >
      {acceptance ? (
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Row label="Accepted by">{acceptance.typedName}</Row>
            <Row label="When">{format.dateTime(acceptance.acceptedAt)}</Row>
            <Row label="Version">{acceptance.version}</Row>
            <Row label="From">{acceptance.ip}</Row>
            <Row label="Fingerprint (SHA-256)">
              <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                {acceptance.textHash}
              </Text>
            </Row>
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">Not yet accepted.</Text>
      )}
    </SectionCard>
  );
}

/** The money and the work of the contract, which the payments and time areas fill in. */
export function ContractWork({ contract }: { contract: Contract }) {
  return (
    <>
      <ContractMoney contract={contract} />
      {contract.payment.kind === "hourly" && <Timesheets contract={contract} />}
      {contract.payment.kind === "retainer" && <RetainerMonths contract={contract} />}
    </>
  );
}
