import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Person } from "../../../src/auth/schema.ts";
import { fetchPeople, peopleKey } from "../auth/team/api.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";

function count(people: Person[], role: Person["role"], one: string, many: string): string {
  const n = people.filter((person) => person.role === role).length;
  return `${n} ${n === 1 ? one : many}`;
}

/** How many people are in the workspace, by role. */
export function TeamSummary() {
  const people = useQuery({ queryKey: peopleKey, queryFn: fetchPeople });
  return (
    <SectionCard
      title="Your team"
      aside={
        <Anchor component={Link} to="/team" size="sm">
          Open Team
        </Anchor>
      }
    >
      <Loaded query={people}>
        {(everyone) => {
          const active = everyone.filter((person) => person.active);
          return (
            <Stack gap={4}>
              <Group gap="xs" align="baseline">
                <Text fz={36} fw={700} lh={1}>
                  {active.length}
                </Text>
                <Text>{active.length === 1 ? "person" : "people"}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {count(active, "owner", "owner", "owners")},{" "}
                {count(active, "manager", "manager", "managers")} and{" "}
                {count(active, "contractor", "contractor", "contractors")}
                {everyone.length > active.length &&
                  `; ${everyone.length - active.length} deactivated`}
                .
              </Text>
            </Stack>
          );
        }}
      </Loaded>
    </SectionCard>
  );
}
