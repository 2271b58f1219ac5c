import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconRosetteDiscountCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Bench } from "../../../src/people/schema.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { BenchBadge } from "./BenchBadge.tsx";
import { OpeningAction } from "./OpeningAction.tsx";
import { usedByText } from "./words.ts";

type BenchArea = Bench["areas"][number];

/** Where the owner sets the minimum level that counts someone as able to do an area's work. */
const minLevelSettingsPath = "/settings";

function PersonBadge({ person }: { person: BenchArea["people"][number] }) {
  return (
    <Badge
      variant="light"
      color="gray"
      size="lg"
      tt="none"
      fw={500}
      rightSection={
        person.verified ? (
          <IconRosetteDiscountCheck size={16} aria-label="verified" role="img" />
        ) : undefined
      }
    >
      {person.name} · level {person.level}
    </Badge>
  );
}

function AreaRow({ area, required }: { area: BenchArea; required: number }) {
  const short = area.warning !== null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={`bench-${area.areaId}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={3} size="h5" id={`bench-${area.areaId}`} tt="capitalize">
              {area.areaName}
            </Title>
            <Text size="xs" c="dimmed">
              {usedByText(area.usedBy)}
            </Text>
          </Stack>
          <BenchBadge qualified={area.qualified} required={required} />
        </Group>
        {area.people.length > 0 ? (
          <Group gap="xs" aria-label={`Qualified for ${area.areaName}`} role="list">
            {area.people.map((person) => (
              <div role="listitem" key={person.id}>
                <PersonBadge person={person} />
              </div>
            ))}
          </Group>
        ) : (
          <Text size="sm">Nobody qualified yet.</Text>
        )}
        {short && (
          <Alert color="red" variant="light" p="sm">
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{area.warning}</Text>
              <OpeningAction area={area} />
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Seed 001's guardrail: at least two people who can do each area's work at the owner's level. */
export function BenchSection({ bench, canChangeLevel }: { bench: Bench; canChangeLevel: boolean }) {
  return (
    <SectionCard
      title="Bench strength"
      description={
        <>
          Always have at least {bench.required} people who can do the same quality work, so nothing
          stops when someone is away. Each skill area in use — by a task you could hand off, a
          procedure or someone's skills — counts the active people at level {bench.minLevel} or
          above; candidates and paused or ended people do not count.{" "}
          {canChangeLevel ? (
            <Anchor component={Link} to={minLevelSettingsPath} size="sm">
              Change the minimum level in Settings
            </Anchor>
          ) : (
            "The owner sets the minimum level in Settings."
          )}
        </>
      }
      aside={
        bench.areas.length > 0 && (
          <Text size="sm" c="dimmed">
            {bench.areas.filter((area) => area.warning).length} of {bench.areas.length} areas short
          </Text>
        )
      }
    >
      {bench.areas.length === 0 ? (
        <Text size="sm">
          No skill area is in use yet. Add tasks to your task audit, file procedures under an area,
          or record people's skills in the directory, and each area's bench appears here.
        </Text>
      ) : (
        <Stack gap="sm">
          {bench.areas.map((area) => (
            <AreaRow key={area.areaId} area={area} required={bench.required} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
