import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Person } from "../../../src/auth/schema.ts";
import type { Sop } from "../../../src/sops/schema.ts";
import { isApiError } from "../app/api.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { fetchPeople, peopleKey } from "../auth/team/api.ts";
import { refreshSop, runsKey, share, startRun, unshare } from "./api.ts";
import { GateBadge } from "./VersionsPanel.tsx";

type VersionSummary = Sop["versions"][number];

/** The gate's refusal said plainly, with the way out. */
function HardToFollowRefusal({ error }: { error: unknown }) {
  if (!isApiError(error, 422) || error.code !== "sop.hard_to_follow") {
    return (
      <FormError
        error={error}
        inputs={["versionNumber", "contractorIds", "contractorId", "dueDate"]}
      />
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      title="Too hard to follow to hand over"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Text size="sm">{error.message}</Text>
      <Text size="sm" mt={6}>
        Fix the text and publish again, or override the check with a reason under{" "}
        <Anchor component={Link} to="?tab=versions" c="inherit" fw={700}>
          Versions
        </Anchor>
        .
      </Text>
    </Alert>
  );
}

function VersionSelect({
  versions,
  value,
  onChange,
  error,
}: {
  versions: VersionSummary[];
  value: number;
  onChange: (number: number) => void;
  error?: string;
}) {
  return (
    <NativeSelect
      label="Version"
      data={[...versions]
        .sort((a, b) => b.number - a.number)
        .map((version) => ({
          value: String(version.number),
          label: `Version ${version.number}${
            version.hardToFollow && !version.overrideReason ? " (hard to follow)" : ""
          }`,
        }))}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      error={error}
    />
  );
}

function ShareForm({ sop, contractors }: { sop: Sop; contractors: Person[] }) {
  const queryClient = useQueryClient();
  const latest = sop.latestVersion ?? 1;
  const [versionNumber, setVersionNumber] = useState(latest);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const shareIt = useMutation({
    mutationFn: share,
    onSuccess: async () => {
      await refreshSop(queryClient, sop.id);
      notifications.show({ message: `Version ${versionNumber} shared.` });
      setChosen([]);
    },
  });
  const version = sop.versions.find((candidate) => candidate.number === versionNumber);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem("Choose at least one contractor");
      return;
    }
    setProblem(undefined);
    shareIt.mutate({ id: sop.id, versionNumber, contractorIds: chosen });
  }

  if (contractors.length === 0) {
    return (
      <Text size="sm">
        No contractors yet.{" "}
        <Anchor component={Link} to="/team">
          Invite one
        </Anchor>{" "}
        and they can be given this procedure.
      </Text>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <HardToFollowRefusal error={shareIt.error} />
        <Group align="flex-end" gap="sm">
          <VersionSelect
            versions={sop.versions}
            value={versionNumber}
            onChange={setVersionNumber}
            error={fieldError(shareIt.error, "versionNumber")}
          />
          {version && (
            <GateBadge
              hardToFollow={version.hardToFollow}
              overrideReason={version.overrideReason}
            />
          )}
        </Group>
        <Checkbox.Group
          label="Contractors"
          value={chosen}
          onChange={setChosen}
          error={problem ?? fieldError(shareIt.error, "contractorIds")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
            {contractors.map((person) => (
              <Checkbox key={person.id} value={person.id} label={person.name} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={shareIt.isPending}>
            Share
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SharesTable({ sop }: { sop: Sop }) {
  const queryClient = useQueryClient();
  const format = useInstantFormat();
  const remove = useMutation({
    mutationFn: unshare,
    onSuccess: async () => {
      await refreshSop(queryClient, sop.id);
      notifications.show({ message: "No longer shared." });
    },
  });
  if (sop.shares.length === 0) {
    return <Text size="sm">Not shared with anyone yet.</Text>;
  }
  return (
    <Stack gap="xs">
      {remove.error ? <ErrorAlert error={remove.error} title="Still shared" /> : null}
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Contractor</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Shared</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sop.shares.map((item) => (
              <Table.Tr key={item.userId}>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>{item.versionNumber}</Table.Td>
                <Table.Td>{format.dateTime(item.sharedAt)}</Table.Td>
                <Table.Td>
                  <Tooltip label="Stop sharing" openDelay={300}>
                    <ActionIcon
                      variant="default"
                      aria-label={`Stop sharing with ${item.name}`}
                      loading={remove.isPending && remove.variables.userId === item.userId}
                      onClick={() => remove.mutate({ id: sop.id, userId: item.userId })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A date a week from today, as the date input wants it. */
function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function StartRunForm({ sop, contractors }: { sop: Sop; contractors: Person[] }) {
  const queryClient = useQueryClient();
  const [contractorId, setContractorId] = useState("");
  const [dueDate, setDueDate] = useState(inAWeek);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: startRun,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: runsKey });
      notifications.show({ message: "Checklist started. It is in the contractor's portal now." });
      setContractorId("");
    },
  });
  // A checklist runs the version its contractor was given.
  const sharedWith = sop.shares.filter((item) =>
    contractors.some((person) => person.id === item.userId),
  );
  const chosen = sharedWith.find((item) => item.userId === contractorId);
  const contractor = contractors.find((person) => person.id === contractorId);
  const errorOf = (field: string) => problems[field] ?? fieldError(start.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!chosen) found.contractorId = "Choose who runs it";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "Choose the day it is due";
    setProblems(found);
    if (Object.keys(found).length > 0 || !chosen) return;
    start.mutate({
      sopId: sop.id,
      versionNumber: chosen.versionNumber,
      contractorId: chosen.userId,
      dueDate,
    });
  }

  if (sharedWith.length === 0) {
    return (
      <Text size="sm">
        Share a version with a contractor first; then start their checklist here.
      </Text>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <HardToFollowRefusal error={start.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: "end" }}>
          <NativeSelect
            label="Contractor"
            data={[
              { value: "", label: "Choose…" },
              ...sharedWith.map((item) => ({
                value: item.userId,
                label: `${item.name} (version ${item.versionNumber})`,
              })),
            ]}
            value={contractorId}
            onChange={(event) => setContractorId(event.currentTarget.value)}
            error={errorOf("contractorId")}
          />
          <TextInput
            type="date"
            label="Due date"
            description={
              contractor
                ? `By the end of this day in ${contractor.name}'s time zone (${contractor.timeZone})`
                : "By the end of this day in the contractor's time zone"
            }
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={errorOf("dueDate")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={start.isPending}>
            Start checklist
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who may read it, and starting a checklist for one of them. */
export function HandOverPanel({ sop }: { sop: Sop }) {
  const people = useQuery({ queryKey: peopleKey, queryFn: fetchPeople });
  if (sop.versions.length === 0) {
    return (
      <SectionCard title="Hand it over">
        <Text size="sm">Publish a version first: only published versions can be shared.</Text>
      </SectionCard>
    );
  }
  return (
    <Loaded query={people}>
      {(list) => {
        const contractors = list.filter((person) => person.role === "contractor" && person.active);
        return (
          <Stack gap="lg">
            <SectionCard
              title="Share with contractors"
              description="They see only the version you share with them, in their portal. A version that is hard to follow can't be shared until it is fixed or overridden."
            >
              <ShareForm sop={sop} contractors={contractors} />
            </SectionCard>
            <SectionCard title="Shared with">
              <SharesTable sop={sop} />
            </SectionCard>
            <SectionCard
              title="Start a checklist"
              description="The contractor works through the steps in their portal, ticking each one; you see the progress under Runs."
            >
              <StartRunForm sop={sop} contractors={contractors} />
            </SectionCard>
          </Stack>
        );
      }}
    </Loaded>
  );
}
