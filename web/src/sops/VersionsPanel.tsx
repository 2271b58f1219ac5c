import {
  Badge,
  Box,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { MIN_OVERRIDE_REASON, type Sop } from "../../../src/sops/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { diffKey, fetchDiff, overrideGate, refreshSop } from "./api.ts";
import { formatScore } from "./readability.ts";

type VersionSummary = Sop["versions"][number];

export function GateBadge({
  hardToFollow,
  overrideReason,
}: {
  hardToFollow: boolean | null;
  overrideReason: string | null;
}) {
  if (hardToFollow === null) return null;
  if (!hardToFollow) {
    return (
      <Badge color="teal.9" variant="filled">
        Reads plainly
      </Badge>
    );
  }
  return (
    <Badge color="red.9" variant={overrideReason ? "outline" : "filled"}>
      {overrideReason ? "Hard to follow · overridden" : "Hard to follow"}
    </Badge>
  );
}

function OverrideModal({
  sopId,
  version,
  onClose,
}: {
  sopId: string;
  version: VersionSummary | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const override = useMutation({
    mutationFn: overrideGate,
    onSuccess: async () => {
      await refreshSop(queryClient, sopId);
      notifications.show({ message: `Version ${version?.number ?? ""} may now be handed over.` });
      setReason("");
      onClose();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!version) return;
    if (reason.trim().length < MIN_OVERRIDE_REASON) {
      setProblem("Explain in a sentence why it may go out as it is");
      return;
    }
    setProblem(undefined);
    override.mutate({ id: sopId, number: version.number, reason: reason.trim() });
  }

  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      title={`Hand over version ${version?.number ?? ""} as it is`}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            It is hard to follow. Fixing the text and publishing again is better; if it must go out
            as it is, say why. The reason is kept with the version.
          </Text>
          <FormError error={override.error} inputs={["reason"]} />
          <Textarea
            label="Reason"
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problem ?? fieldError(override.error, "reason")}
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red.8" loading={override.isPending}>
              Override the check
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const kindStyle = {
  added: { marker: "+", label: "added", bg: "var(--mantine-color-green-light)" },
  removed: { marker: "−", label: "removed", bg: "var(--mantine-color-red-light)" },
  same: { marker: " ", label: "unchanged", bg: undefined },
} as const;

/** Line by line, what changed between two versions; + and − say it as well as the colour. */
function DiffView({ sopId, from, to }: { sopId: string; from: number; to: number }) {
  const diff = useQuery({
    queryKey: diffKey(sopId, from, to),
    queryFn: () => fetchDiff(sopId, from, to),
  });
  return (
    <Loaded query={diff}>
      {(data) => {
        const added = data.lines.filter((line) => line.kind === "added").length;
        const removed = data.lines.filter((line) => line.kind === "removed").length;
        return (
          <Stack gap="xs">
            <Text size="sm" role="status">
              {added === 0 && removed === 0
                ? `Versions ${data.from} and ${data.to} say the same.`
                : `From version ${data.from} to ${data.to}: ${added} ${added === 1 ? "line" : "lines"} added, ${removed} removed.`}
            </Text>
            <Box
              component="ol"
              aria-label={`Changes from version ${data.from} to version ${data.to}`}
              data-testid="diff"
              p={0}
              m={0}
              style={{
                listStyle: "none",
                border: "1px solid var(--mantine-color-default-border)",
                borderRadius: "var(--mantine-radius-sm)",
                fontFamily: "var(--mantine-font-family-monospace)",
                fontSize: "var(--mantine-font-size-sm)",
                overflowX: "auto",
              }}
            >
              {data.lines.map((line, index) => {
                const style = kindStyle[line.kind];
                return (
                  <li
                    key={index}
                    data-kind={line.kind}
                    style={{
                      background: style.bg,
                      display: "flex",
                      gap: "0.75rem",
                      padding: "1px 0.5rem",
                      whiteSpace: "pre-wrap",
                    }}
                  >
                    <span aria-hidden style={{ fontWeight: 700, width: "1ch", flex: "none" }}>
                      {style.marker}
                    </span>
                    {line.kind !== "same" && <VisuallyHidden>{style.label}: </VisuallyHidden>}
                    <span>{line.text || " "}</span>
                  </li>
                );
              })}
            </Box>
          </Stack>
        );
      }}
    </Loaded>
  );
}

/** Every published version with its score, the gate's override, and what changed between two. */
export function VersionsPanel({ sop, canOverride }: { sop: Sop; canOverride: boolean }) {
  const format = useInstantFormat();
  const [overriding, setOverriding] = useState<VersionSummary | null>(null);
  const numbers = sop.versions.map((version) => version.number).sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1] ?? 0;
  const [from, setFrom] = useState(numbers[numbers.length - 2] ?? latest);
  const [to, setTo] = useState(latest);
  const options = numbers.map((number) => ({ value: String(number), label: `Version ${number}` }));

  return (
    <Stack gap="lg">
      <SectionCard
        title="Published versions"
        description="Each version is frozen when it is published. Runs and shares keep the version they were given."
      >
        {sop.versions.length === 0 ? (
          <Text size="sm">Nothing published yet. Publish the draft to make version 1.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Published</Table.Th>
                  <Table.Th ta="right">Reading ease</Table.Th>
                  <Table.Th>Readability</Table.Th>
                  {canOverride && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...sop.versions]
                  .sort((a, b) => b.number - a.number)
                  .map((version) => (
                    <Table.Tr key={version.number}>
                      <Table.Td>{version.number}</Table.Td>
                      <Table.Td>{version.title}</Table.Td>
                      <Table.Td>{format.dateTime(version.publishedAt)}</Table.Td>
                      <Table.Td ta="right">{formatScore(version.readingEase)}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <GateBadge
                            hardToFollow={version.hardToFollow}
                            overrideReason={version.overrideReason}
                          />
                          {version.overrideReason && (
                            <Text size="xs" c="dimmed">
                              Reason: {version.overrideReason}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      {canOverride && (
                        <Table.Td>
                          {version.hardToFollow && !version.overrideReason && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setOverriding(version)}
                              aria-label={`Override the check for version ${version.number}`}
                            >
                              Override
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>

      <SectionCard
        title="What changed"
        description="Lines added are marked + and green; lines removed are marked − and red."
      >
        {numbers.length < 2 ? (
          <Text size="sm">Publish a second version to compare two.</Text>
        ) : (
          <Stack gap="md">
            <Group gap="md">
              <NativeSelect
                label="From"
                data={options}
                value={String(from)}
                onChange={(event) => setFrom(Number(event.currentTarget.value))}
                w={160}
              />
              <NativeSelect
                label="To"
                data={options}
                value={String(to)}
                onChange={(event) => setTo(Number(event.currentTarget.value))}
                w={160}
              />
            </Group>
            {from === to ? (
              <Text size="sm">Choose two different versions.</Text>
            ) : (
              <DiffView sopId={sop.id} from={from} to={to} />
            )}
          </Stack>
        )}
      </SectionCard>

      <OverrideModal sopId={sop.id} version={overriding} onClose={() => setOverriding(null)} />
    </Stack>
  );
}
