import { Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconRosetteDiscountCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Contractor } from "../../../src/people/schema.ts";
import { SortableTh, useSorted } from "../app/components/SortableTh.tsx";
import {
  localTime,
  overlapText,
  portalLabels,
  rateLines,
  statusColors,
  statusLabels,
} from "./display.ts";

type Column = "name" | "status" | "skills" | "rate" | "channel" | "overlap" | "portal";

function sortKey(person: Contractor, column: Column): string | number {
  switch (column) {
    case "name":
      return person.name;
    case "status":
      return statusLabels[person.status];
    case "skills":
      return Math.max(0, ...person.skills.map((skill) => skill.level));
    case "rate":
      return person.rates.hourlyInWorkspace?.amount ?? person.rates.hourly?.amount ?? -1;
    case "channel":
      return person.channelName ?? "";
    case "overlap":
      return person.overlapHours;
    case "portal":
      return portalLabels[person.portal.status];
  }
}

export function StatusBadge({ status }: { status: Contractor["status"] }) {
  return (
    <Badge color={statusColors[status]} variant="light" radius="sm">
      {statusLabels[status]}
    </Badge>
  );
}

export function SkillList({ skills }: { skills: Contractor["skills"] }) {
  if (skills.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None recorded
      </Text>
    );
  return (
    <Group gap={4}>
      {skills.map((skill) => (
        <Badge
          key={skill.areaId}
          variant="outline"
          color="gray"
          radius="sm"
          tt="none"
          rightSection={
            skill.verified ? (
              <>
                <IconRosetteDiscountCheck size={14} aria-hidden />
                <VisuallyHidden>verified</VisuallyHidden>
              </>
            ) : undefined
          }
        >
          {skill.areaName} {skill.level}
        </Badge>
      ))}
    </Group>
  );
}

/** The directory: everyone the owner works with or might, sortable by any column. */
export function DirectoryTable({ people }: { people: Contractor[] }) {
  const [sorted, sort, setSort] = useSorted<Contractor, Column>(
    people,
    { column: "name", descending: false },
    sortKey,
  );
  const th = (column: Column, label: string) => (
    <SortableTh column={column} sort={sort} onSort={setSort}>
      {label}
    </SortableTh>
  );
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>
          Skills show their level from 1 to 5; a check mark means you verified it. Press a column
          heading to sort by it.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {th("name", "Name")}
            {th("status", "Status")}
            {th("skills", "Skills")}
            {th("rate", "Rate")}
            {th("channel", "Channel")}
            {th("overlap", "Local time")}
            {th("portal", "Portal")}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
                    {person.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {person.countryName ?? person.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={person.status} />
              </Table.Td>
              <Table.Td>
                <SkillList skills={person.skills} />
              </Table.Td>
              <Table.Td>
                <RateCell rates={person.rates} />
              </Table.Td>
              <Table.Td>{person.channelName ?? "—"}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{localTime(person.timeZone)}</Text>
                  <Text size="xs" c="dimmed">
                    {overlapText(person.overlapHours)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{portalLabels[person.portal.status]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RateCell({ rates }: { rates: Contractor["rates"] }) {
  const lines = rateLines(rates);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Not set
      </Text>
    );
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text size="sm" key={line}>
          {line}
        </Text>
      ))}
      {rates.conversionNote && (
        <Text size="xs" c="dimmed">
          No exchange rate set
        </Text>
      )}
    </Stack>
  );
}
