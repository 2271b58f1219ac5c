import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useInstantFormat } from "../app/dates.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fetchRuns, POLL_MS, runsKey } from "../sops/api.ts";
import { dueDateText, RunProgress } from "../sops/RunBits.tsx";
import { fetchSharedSops, sharedSopsKey } from "./api.ts";

export const procedurePath = (sopId: string, versionNumber: number) =>
  `/portal/procedures/${encodeURIComponent(sopId)}/versions/${versionNumber}`;

/** The procedures the owner shared with this contractor, to read whenever they need. */
export function SharedProceduresCard() {
  const format = useInstantFormat();
  const shared = useQuery({ queryKey: sharedSopsKey, queryFn: fetchSharedSops });
  return (
    <SectionCard
      title="Procedures shared with you"
      description="How the work is done, step by step. Read one any time."
    >
      <Loaded query={shared}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">Nothing shared with you yet.</Text>
          ) : (
            <Stack gap="xs">
              {list.map((item) => (
                <Group key={item.sopId} justify="space-between" gap="sm">
                  <Anchor component={Link} to={procedurePath(item.sopId, item.versionNumber)}>
                    {item.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    Version {item.versionNumber} · shared {format.date(item.sharedAt)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </SectionCard>
  );
}

/** The contractor's checklists: open ones first, each with how far along it is. */
export function ChecklistsCard() {
  const runs = useQuery({
    queryKey: runsKey,
    queryFn: () => fetchRuns(),
    refetchInterval: POLL_MS,
  });
  return (
    <SectionCard
      title="Your checklists"
      description="Work through each one step by step, tick what is done and ask when something is unclear."
    >
      <Loaded query={runs}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">No checklists for you yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" data-testid="my-checklists">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Checklist</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Progress</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...list]
                    .sort((a, b) =>
                      a.status === b.status
                        ? a.dueDate.localeCompare(b.dueDate)
                        : a.status === "open"
                          ? -1
                          : 1,
                    )
                    .map((run) => (
                      <Table.Tr key={run.id}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/portal/runs/${encodeURIComponent(run.id)}`}
                            fw={600}
                          >
                            {run.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{dueDateText(run.dueDate)}</Table.Td>
                        <Table.Td>
                          <RunProgress run={run} label={`Progress of ${run.title}`} />
                        </Table.Td>
                        <Table.Td>
                          {run.status === "accepted" ? (
                            <Badge color="green.9" variant="filled">
                              Accepted
                            </Badge>
                          ) : run.status === "submitted" ? (
                            <Badge color="teal.9" variant="filled">
                              Handed in
                            </Badge>
                          ) : (
                            <Badge color="blue.8" variant="filled">
                              To do
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loaded>
    </SectionCard>
  );
}
