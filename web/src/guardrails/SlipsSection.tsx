import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Guardrails } from "../../../src/guardrails/schema.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { GuardrailAction } from "./GuardrailAction.tsx";
import { OpeningAction } from "./OpeningAction.tsx";

type Slips = Guardrails["slips"];
type Flagged = Slips["flagged"][number];

function Replacements({ area }: { area: Flagged["replacements"][number] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Who could take over the {area.areaName} work
      </Text>
      <Text size="xs" c="dimmed">
        {area.words}
      </Text>
      {area.suggestions.length > 0 && (
        <List size="sm" spacing={4}>
          {area.suggestions.map((person) => (
            <List.Item key={person.contractorId}>
              <Anchor component={Link} to={`/people/${person.contractorId}`} size="sm">
                {person.name}
              </Anchor>{" "}
              — {person.words}
            </List.Item>
          ))}
        </List>
      )}
      {area.benchThin && (
        <Group>
          <OpeningAction area={area} />
        </Group>
      )}
    </Stack>
  );
}

function FlaggedRow({ person }: { person: Flagged }) {
  const id = `slips-${person.contractorId}`;
  // With nobody to line up, the area's hiring opening above is the thing to do.
  const nobodyToLineUp = person.replacements[0]?.suggestions.length === 0;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h5" id={id}>
            <Anchor component={Link} to={`/people/${person.contractorId}`} inherit>
              {person.contractorName}
            </Anchor>
          </Title>
          <Badge color="red.9" variant="filled" tt="none">
            {person.evidence.length} slips
          </Badge>
        </Group>
        <Text size="sm">{person.reason}</Text>
        <List size="sm" spacing={4} aria-label={`Slips by ${person.contractorName}`}>
          {person.evidence.map((words, index) => (
            <List.Item key={index}>{words}</List.Item>
          ))}
        </List>
        {person.replacements.map((area) => (
          <Replacements key={area.areaId} area={area} />
        ))}
        {!nobodyToLineUp && (
          <Group>
            <GuardrailAction action={person.action} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Seed 001: never accept excuses or delays. */
export function SlipsSection({ slips }: { slips: Slips }) {
  return (
    <SectionCard
      title="Slips"
      description={`A contractor with ${slips.limit} or more missed or late reports and late milestones in the last ${slips.windowDays} days is flagged, with the evidence and who on the bench could take over.`}
      aside={
        <Text size="sm" c="dimmed">
          {slips.flagged.length === 0 ? "Nobody flagged" : `${slips.flagged.length} flagged`}
        </Text>
      }
    >
      {slips.flagged.length === 0 ? (
        <Text size="sm">
          Nobody has slipped {slips.limit} times in the last {slips.windowDays} days.
        </Text>
      ) : (
        <Stack gap="sm">
          {slips.flagged.map((person) => (
            <FlaggedRow key={person.contractorId} person={person} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
