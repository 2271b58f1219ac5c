import { Anchor, NativeSelect, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Candidacy } from "../../../src/people/schema.ts";
import type { Stage } from "./api.ts";
import { movableStages, stageLabels } from "./stages.ts";
import type { Mover } from "./use-move.tsx";

/** The same pipeline as a table: one row per candidate with a stage picker. */
export function CandidateList({
  candidacies,
  mover,
}: {
  candidacies: readonly Candidacy[];
  mover: Mover;
}) {
  if (candidacies.length === 0) {
    return <Text c="dimmed">No candidates yet.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Candidate</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Score</Table.Th>
            <Table.Th scope="col">Missing checks</Table.Th>
            <Table.Th scope="col">Came through</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidacies.map((candidacy) => (
            <Table.Tr key={candidacy.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/hiring/candidates/${candidacy.id}`}>
                  {candidacy.contractor.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {candidacy.contractor.email}
                </Text>
              </Table.Th>
              <Table.Td>
                {candidacy.stage === "hired" ? (
                  stageLabels.hired
                ) : (
                  <NativeSelect
                    aria-label={`Stage of ${candidacy.contractor.name}`}
                    size="xs"
                    w={150}
                    disabled={mover.pending || !mover.enabled}
                    data={movableStages.map((stage) => ({
                      value: stage,
                      label: stageLabels[stage],
                    }))}
                    value={candidacy.stage}
                    onChange={(event) => mover.move(candidacy, event.currentTarget.value as Stage)}
                  />
                )}
                {candidacy.rejectionReason && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {candidacy.rejectionReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {candidacy.score === null ? "Not scored" : `${candidacy.score.toFixed(2)} / 5`}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {candidacy.missingChecks.length === 0
                    ? "None"
                    : candidacy.missingChecks.map((check) => check.message).join("; ")}
                </Text>
              </Table.Td>
              <Table.Td>{candidacy.contractor.channelName ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
