import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconPlus, IconUserPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useMatch, useNavigate, useSearchParams } from "react-router";
import type { Opening } from "../../../src/people/schema.ts";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { useMe, can } from "../auth/session.ts";
import { fetchOpenings, openingsKey } from "./api.ts";
import { NewOpeningModal } from "./NewOpeningModal.tsx";
import { boardStages, stageLabels } from "./stages.ts";

const summary =
  "Roles you are filling, each with its pipeline from first contact to a hire. Evidence, not a gut feeling, decides.";

/** The openings, open or closed, with how many people are at each stage. Also /hiring/new. */
export function HiringPage() {
  const me = useMe();
  const navigate = useNavigate();
  const creating = useMatch("/hiring/new") !== null;
  const [searchParams, setSearchParams] = useSearchParams();
  const show = searchParams.get("show") === "closed" ? "closed" : "open";
  const openings = useQuery({ queryKey: openingsKey, queryFn: fetchOpenings });
  const mayManage = can(me, "hiring.manage");
  const startNew = () => void navigate("/hiring/new");
  const modal = (
    <NewOpeningModal
      opened={creating}
      onClose={() => void navigate("/hiring")}
      areaId={searchParams.get("areaId") ?? undefined}
    />
  );

  return (
    <Loaded query={openings}>
      {(all) =>
        all.length === 0 ? (
          <>
            <AreaEmptyState
              area="Hiring"
              summary={summary}
              icon={<IconUserPlus size={30} />}
              title="Open your first role"
            >
              <Stack align="center" gap="md">
                <Text inherit>
                  An opening holds the job post and every candidate for it: their samples,
                  references, reviews, interviews and a scorecard, so you hire on evidence.
                </Text>
                {mayManage && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startNew}>
                    New opening
                  </Button>
                )}
              </Stack>
            </AreaEmptyState>
            {modal}
          </>
        ) : (
          <>
            <Group justify="space-between" align="flex-start">
              <PageHeader title="Hiring">{summary}</PageHeader>
              {mayManage && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startNew}>
                  New opening
                </Button>
              )}
            </Group>
            <Stack gap="md">
              <SegmentedControl
                aria-label="Which openings"
                w="fit-content"
                value={show}
                onChange={(value) =>
                  setSearchParams(value === "closed" ? { show: "closed" } : {}, { replace: true })
                }
                data={[
                  {
                    value: "open",
                    label: `Open (${all.filter((o) => o.status === "open").length})`,
                  },
                  {
                    value: "closed",
                    label: `Closed (${all.filter((o) => o.status === "closed").length})`,
                  },
                ]}
              />
              <OpeningsTable openings={all.filter((opening) => opening.status === show)} />
            </Stack>
            {modal}
          </>
        )
      }
    </Loaded>
  );
}

function OpeningsTable({ openings }: { openings: Opening[] }) {
  const format = useInstantFormat();
  if (openings.length === 0) {
    return <Text c="dimmed">Nothing here.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Opening</Table.Th>
            <Table.Th scope="col">Area</Table.Th>
            {boardStages.map((stage) => (
              <Table.Th scope="col" key={stage} ta="right">
                {stageLabels[stage]}
              </Table.Th>
            ))}
            <Table.Th scope="col">Opened</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {openings.map((opening) => (
            <Table.Tr key={opening.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/hiring/${opening.id}`}>
                  {opening.title}
                </Anchor>
                {opening.status === "closed" && (
                  <Badge ml="xs" size="sm" variant="filled" color="gray.7">
                    Closed
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{opening.areaName ?? "—"}</Table.Td>
              {boardStages.map((stage) => (
                <Table.Td key={stage} ta="right" ff="monospace">
                  {opening.counts[stage]}
                </Table.Td>
              ))}
              <Table.Td>{format.date(opening.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
