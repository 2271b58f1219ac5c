import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Area } from "../../../src/worth/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { RowActions } from "../app/components/RowActions.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, formatMoney, readAmount } from "../app/money.ts";
import { BenchBadge } from "../guardrails/BenchBadge.tsx";
import { useBench } from "../guardrails/api.ts";
import { createArea, deleteArea, refreshWorth, updateArea, type AreaForm } from "./api.ts";

const inputs = ["name", "defaultRate"];

/** The kinds of work tasks belong to, each with an estimated market rate to start from. */
export function AreasEditor({
  areas,
  currency,
  canEdit,
}: {
  areas: Area[];
  currency: string;
  canEdit: boolean;
}) {
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Area</Table.Th>
              <Table.Th ta="right">Estimated rate ({currency})</Table.Th>
              <Table.Th ta="right">Tasks</Table.Th>
              <Table.Th>Qualified people</Table.Th>
              {canEdit && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.map((area) => (
              <Table.Tr key={area.id}>
                <Table.Td>{area.name}</Table.Td>
                <Table.Td ta="right">
                  {area.defaultRate === null ? (
                    <Text span size="sm" c="dimmed">
                      none
                    </Text>
                  ) : (
                    `${formatMoney(area.defaultRate, currency)}/h`
                  )}
                </Table.Td>
                <Table.Td ta="right">{area.taskCount}</Table.Td>
                <Table.Td>
                  <AreaBench areaId={area.id} />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <AreaActions area={area} currency={currency} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && <NewAreaForm currency={currency} />}
    </Stack>
  );
}

/** Seed 001's guardrail, shown beside the area: the bench page has the people and the fix. */
function AreaBench({ areaId }: { areaId: string }) {
  const bench = useBench().data;
  const entry = bench?.areas.find((area) => area.areaId === areaId);
  if (!bench || !entry) {
    return (
      <Text span size="sm" c="dimmed">
        {bench ? "not in use" : ""}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to="/guardrails" title={`Bench strength for ${entry.areaName}`}>
      <BenchBadge qualified={entry.qualified} required={bench.required} size="sm" />
    </Anchor>
  );
}

function AreaFields({
  currency,
  name,
  setName,
  rate,
  setRate,
  errorOf,
  nameLabel,
}: {
  currency: string;
  name: string;
  setName: (name: string) => void;
  rate: string;
  setRate: (rate: string) => void;
  errorOf: (field: string) => string | undefined;
  nameLabel: string;
}) {
  return (
    <>
      <TextInput
        label={nameLabel}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errorOf("name")}
        miw={160}
      />
      <MoneyInput
        label="Estimated rate per hour (optional)"
        currency={currency}
        value={rate}
        onChange={setRate}
        error={errorOf("defaultRate")}
        miw={180}
      />
    </>
  );
}

/** Reads the form; problems found in the browser are shown under their fields. */
function readAreaForm(
  name: string,
  rate: string,
  currency: string,
): { input: AreaForm; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (name.trim() === "") problems.name = "Name the area";
  const reading = readAmount(rate, currency, true);
  if (reading.error !== undefined) problems.defaultRate = reading.error;
  return {
    input: { name: name.trim(), defaultRate: reading.error === undefined ? reading.cents : null },
    problems,
  };
}

function NewAreaForm({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [rate, setRate] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: createArea,
    onSuccess: (area) => {
      setName("");
      setRate("");
      notifications.show({ message: `Area “${area.name}” added.` });
      refreshWorth(queryClient);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readAreaForm(name, rate, currency);
    setProblems(read.problems);
    if (Object.keys(read.problems).length === 0) add.mutate(read.input);
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Add an area">
      <Stack gap="sm">
        <FormError error={add.error} inputs={inputs} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <AreaFields
            currency={currency}
            nameLabel="New area"
            name={name}
            setName={setName}
            rate={rate}
            setRate={setRate}
            errorOf={(field) => problems[field] ?? fieldError(add.error, field)}
          />
        </Group>
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            Add area
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AreaActions({ area, currency }: { area: Area; currency: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: deleteArea,
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `Area “${area.name}” removed.` });
      refreshWorth(queryClient);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <RowActions
        changeLabel={`Change the ${area.name} area`}
        removeLabel={`Remove the ${area.name} area`}
        onChange={() => setEditing(true)}
        onRemove={() => {
          remove.reset();
          setConfirming(true);
        }}
      />
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={`Change the ${area.name} area`}
        centered
      >
        <EditAreaForm area={area} currency={currency} onDone={() => setEditing(false)} />
      </Modal>
      <ConfirmDialog
        opened={confirming}
        title={`Remove the ${area.name} area?`}
        confirmLabel="Remove area"
        onConfirm={() => remove.mutate(area.id)}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        {area.taskCount > 0
          ? `${area.taskCount === 1 ? "One task uses" : `${area.taskCount} tasks use`} this area. Move ${area.taskCount === 1 ? "it" : "them"} to another area first: an area in use can't be removed.`
          : "No task uses it. You can add it again later."}
      </ConfirmDialog>
    </Group>
  );
}

function EditAreaForm({
  area,
  currency,
  onDone,
}: {
  area: Area;
  currency: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(area.name);
  const [rate, setRate] = useState(amountText(area.defaultRate, currency));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: updateArea,
    onSuccess: () => {
      refreshWorth(queryClient);
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readAreaForm(name, rate, currency);
    setProblems(read.problems);
    if (Object.keys(read.problems).length === 0) save.mutate({ id: area.id, ...read.input });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <AreaFields
          currency={currency}
          nameLabel="Name"
          name={name}
          setName={setName}
          rate={rate}
          setRate={setRate}
          errorOf={(field) => problems[field] ?? fieldError(save.error, field)}
        />
        <Text size="xs" c="dimmed">
          The estimate is used for tasks in this area that have no market rate of their own.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save area
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
