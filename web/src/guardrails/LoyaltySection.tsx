import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Guardrails } from "../../../src/guardrails/schema.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { GuardrailAction } from "./GuardrailAction.tsx";
import { ReliableBadge } from "./ReliableBadge.tsx";

type Loyalty = Guardrails["loyalty"];

/** Seed 003: be loyal to the reliable ones and give them more work. */
export function LoyaltySection({ loyalty }: { loyalty: Loyalty }) {
  return (
    <SectionCard
      title="Loyalty"
      description={`The people who reported and delivered on time, with work accepted and none sent back, over the last ${loyalty.windowDays} days. Offer them new work first, and a volume rate for steady work; they come first when you pick someone for a contract or an assignment.`}
      aside={
        <Text size="sm" c="dimmed">
          {loyalty.reliable.length} reliable
        </Text>
      }
    >
      {loyalty.reliable.length === 0 ? (
        <Text size="sm">
          Nobody has a record to trust yet: people show here after reporting on time and having work
          accepted over the last {loyalty.windowDays} days.
        </Text>
      ) : (
        <Stack gap="sm">
          {loyalty.reliable.map((person) => (
            <Paper
              key={person.contractorId}
              withBorder
              radius="md"
              p="md"
              component="article"
              aria-labelledby={`loyal-${person.contractorId}`}
            >
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Title order={3} size="h5" id={`loyal-${person.contractorId}`}>
                    <Anchor component={Link} to={`/people/${person.contractorId}`} inherit>
                      {person.contractorName}
                    </Anchor>
                  </Title>
                  <ReliableBadge />
                </Group>
                <Text size="sm">{person.reason}</Text>
                <Group>
                  <GuardrailAction action={person.action} />
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
