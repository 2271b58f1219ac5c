import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Area, AuditTask } from "../../../src/worth/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, formatMoney, readAmount } from "../app/money.ts";
import { createTask, refreshWorth, updateTask, type TaskForm } from "./api.ts";
import { RatingControl } from "./RatingControl.tsx";

const inputs = [
  "name",
  "areaId",
  "hoursPerWeek",
  "skill",
  "enjoyment",
  "strategic",
  "needed",
  "marketRate",
];

/** Adds a task to the audit, or changes one. */
export function TaskModal({
  opened,
  onClose,
  task,
  areas,
  currency,
}: {
  opened: boolean;
  onClose: () => void;
  /** The task to change; none to add a new one. */
  task?: AuditTask;
  areas: Area[];
  currency: string;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={task ? `Change “${task.name}”` : "Add a task"}
      size="lg"
      centered
    >
      <TaskFormBody task={task} areas={areas} currency={currency} onDone={onClose} />
    </Modal>
  );
}

function TaskFormBody({
  task,
  areas,
  currency,
  onDone,
}: {
  task?: AuditTask;
  areas: Area[];
  currency: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(task?.name ?? "");
  const [areaId, setAreaId] = useState(task?.areaId ?? areas[0]?.id ?? "");
  const [hours, setHours] = useState<number | string>(task?.hoursPerWeek ?? "");
  const [skill, setSkill] = useState(task?.skill ?? 3);
  const [enjoyment, setEnjoyment] = useState(task?.enjoyment ?? 3);
  const [strategic, setStrategic] = useState(task?.strategic ?? false);
  const [needed, setNeeded] = useState(task?.needed ?? true);
  const [rate, setRate] = useState(amountText(task?.marketRate ?? null, currency));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: TaskForm) =>
      task ? updateTask({ id: task.id, ...input }) : createTask(input),
    onSuccess: (saved) => {
      refreshWorth(queryClient);
      notifications.show({ message: task ? `“${saved.name}” saved.` : `“${saved.name}” added.` });
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);
  const area = areas.find((candidate) => candidate.id === areaId);
  const estimate = area?.defaultRate ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === "") found.name = "Name the task";
    if (typeof hours !== "number") found.hoursPerWeek = "Enter the hours a week it takes";
    const reading = readAmount(rate, currency, true);
    if (reading.error !== undefined) found.marketRate = reading.error;
    setProblems(found);
    if (Object.keys(found).length > 0 || reading.error !== undefined) return;
    save.mutate({
      name: name.trim(),
      areaId,
      hoursPerWeek: typeof hours === "number" ? hours : 0,
      skill,
      enjoyment,
      strategic,
      needed,
      marketRate: reading.cents,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <TextInput
          label="Task"
          placeholder="Answer customer emails"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errorOf("name")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Area"
            data={areas.map((option) => ({ value: option.id, label: option.name }))}
            value={areaId}
            onChange={(event) => setAreaId(event.currentTarget.value)}
            error={errorOf("areaId")}
          />
          <NumberInput
            label="Hours a week"
            value={hours}
            onChange={setHours}
            decimalScale={2}
            allowNegative={false}
            min={0}
            max={168}
            step={0.5}
            error={errorOf("hoursPerWeek")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RatingControl
            label="How good you are at it"
            description="1 = weak, 5 = among the best"
            value={skill}
            onChange={setSkill}
            error={errorOf("skill")}
          />
          <RatingControl
            label="How much you enjoy it"
            description="1 = dread it, 5 = love it"
            value={enjoyment}
            onChange={setEnjoyment}
            error={errorOf("enjoyment")}
          />
        </SimpleGrid>
        <MoneyInput
          label="Market rate per hour (optional)"
          description={
            estimate === null
              ? "What an hour of it costs to have done"
              : `What an hour of it costs to have done. Left empty, the ${area?.name ?? "area"} estimate of ${formatMoney(estimate, currency)} is used.`
          }
          placeholder={
            estimate === null ? undefined : `${amountText(estimate, currency)} (estimate)`
          }
          currency={currency}
          value={rate}
          onChange={setRate}
          error={errorOf("marketRate")}
        />
        <Checkbox
          label="Only I can do this — vision, key relationships"
          checked={strategic}
          onChange={(event) => setStrategic(event.currentTarget.checked)}
        />
        <Checkbox
          label="Still needed"
          description="Untick it if the business could simply stop doing this"
          checked={needed}
          onChange={(event) => setNeeded(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {task ? "Save task" : "Add task"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
