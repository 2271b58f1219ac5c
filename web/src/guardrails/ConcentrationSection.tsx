import { Alert, Anchor, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Guardrails } from "../../../src/guardrails/schema.ts";
import { percentText } from "../../../src/contracts/rules.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatMoney } from "../app/money.ts";
import { GuardrailAction } from "./GuardrailAction.tsx";

type Concentration = Guardrails["concentration"];

function HoldingRow({
  holding,
  currency,
}: {
  holding: Concentration["holdings"][number];
  currency: string;
}) {
  const id = `holding-${holding.key.replaceAll(":", "-")}`;
  const share = percentText(holding.shareBasisPoints);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h5" id={id}>
            <Anchor component={Link} to={`/people/${holding.contractorId}`} inherit>
              {holding.contractorName}
            </Anchor>
            {holding.areaName ? ` · ${holding.areaName}` : " · all open work"}
          </Title>
          <Text size="sm" fw={600}>
            {formatMoney(holding.held, currency)} of {formatMoney(holding.total, currency)}
          </Text>
        </Group>
        <Progress
          value={holding.shareBasisPoints / 100}
          color="orange.8"
          aria-label={`${holding.contractorName} holds ${share}`}
        />
        <Text size="sm">{holding.reason}</Text>
        <Group>
          <GuardrailAction action={holding.action} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Seed 001: never give a huge project, or most of the work, to one person. */
export function ConcentrationSection({ concentration }: { concentration: Concentration }) {
  const allowed = percentText(concentration.maxShareBasisPoints);
  return (
    <SectionCard
      title="Concentration"
      description={`Nobody should hold more than ${allowed} of your open contract value — sent and active contracts — overall or within one skill area, so no work depends on one person. Set the limit in the contract settings on the Contracts page.`}
      aside={
        <Text size="sm" c="dimmed">
          {concentration.holdings.length === 0
            ? "Nobody over the limit"
            : `${concentration.holdings.length} over the limit`}
        </Text>
      }
    >
      {concentration.unconverted.length > 0 && (
        <Alert color="yellow" variant="light" p="sm">
          <Text size="sm">
            Open contracts in {concentration.unconverted.join(", ")} are left out: no exchange rate
            to {concentration.currency} is recorded. Add it in the people settings.
          </Text>
        </Alert>
      )}
      {concentration.holdings.length === 0 ? (
        <Text size="sm">
          Your open contract value is spread so that nobody holds more than {allowed} of it.
        </Text>
      ) : (
        <Stack gap="sm">
          {concentration.holdings.map((holding) => (
            <HoldingRow key={holding.key} holding={holding} currency={concentration.currency} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
