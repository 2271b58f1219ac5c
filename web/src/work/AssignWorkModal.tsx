import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";
import { useReliable } from "../guardrails/api.ts";
import { ReliableHint } from "../guardrails/ReliableBadge.tsx";
import { reliableFirst } from "../guardrails/reliable-options.ts";
import { contractListKey, fetchContracts } from "../contracts/api.ts";
import { fetchSops, sopsKey } from "../sops/api.ts";
import { auditKey, fetchAudit } from "../worth/api.ts";
import { assignWork, refreshWork } from "./api.ts";

const inputs = [
  "contractId",
  "contractorId",
  "taskId",
  "sopId",
  "title",
  "notes",
  "dueDate",
  "expectedHours",
];

/** Assign work to someone under one of their active contracts. */
export function AssignWorkModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Assign work" size="lg" centered>
      <AssignWorkForm onDone={onClose} />
    </Modal>
  );
}

function AssignWorkForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const contracts = useQuery({
    queryKey: contractListKey({ status: "active" }),
    queryFn: () => fetchContracts({ status: "active" }),
  });
  const audit = useQuery({ queryKey: auditKey, queryFn: fetchAudit });
  const sops = useQuery({ queryKey: sopsKey, queryFn: fetchSops });
  const [contractId, setContractId] = useState("");
  const [taskId, setTaskId] = useState("");
  const [sopId, setSopId] = useState("");
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [hours, setHours] = useState<number | string>(1);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const active = contracts.data ?? [];
  const reliable = useReliable();
  const published = (sops.data ?? []).filter((sop) => sop.latestVersion !== null);
  const assign = useMutation({
    mutationFn: assignWork,
    onSuccess: async (made) => {
      await refreshWork(queryClient);
      notifications.show({ message: `“${made.title}” assigned to ${made.contractorName}.` });
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(assign.error, field);

  function pickTask(id: string) {
    setTaskId(id);
    const task = audit.data?.tasks.find((candidate) => candidate.id === id);
    if (task && title.trim() === "") setTitle(task.name);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const contract = active.find((candidate) => candidate.id === contractId);
    if (!contract) found.contractId = "Choose a contract";
    if (title.trim() === "") found.title = "Say what the work is";
    if (dueDate === "") found.dueDate = "Choose a due date";
    if (typeof hours !== "number") found.expectedHours = "Enter the expected hours";
    setProblems(found);
    if (!contract || Object.keys(found).length > 0) return;
    assign.mutate({
      contractorId: contract.contractorId,
      contractId: contract.id,
      taskId: taskId || null,
      sopId: sopId || null,
      title,
      notes,
      dueDate,
      expectedHours: Number(hours),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NativeSelect
          label="Contract"
          description="Work is assigned under an active contract, to the person it is with."
          value={contractId}
          onChange={(event) => setContractId(event.currentTarget.value)}
          error={errorOf("contractId") ?? errorOf("contractorId")}
          data={[
            { value: "", label: active.length === 0 ? "No active contracts yet" : "Choose…" },
            ...reliableFirst(
              active,
              (contract) => ({
                value: contract.id,
                label: `${contract.contractorName} — ${contract.title}`,
              }),
              (contract) => contract.contractorId,
              reliable,
            ),
          ]}
          required
        />
        <ReliableHint
          person={reliable.get(
            active.find((contract) => contract.id === contractId)?.contractorId ?? "",
          )}
        />
        <NativeSelect
          label="Task from the audit (optional)"
          value={taskId}
          onChange={(event) => pickTask(event.currentTarget.value)}
          error={errorOf("taskId")}
          data={[
            { value: "", label: "None" },
            ...(audit.data?.tasks ?? []).map((task) => ({ value: task.id, label: task.name })),
          ]}
        />
        <NativeSelect
          label="Procedure to follow (optional)"
          description="The latest published version is kept with the work."
          value={sopId}
          onChange={(event) => setSopId(event.currentTarget.value)}
          error={errorOf("sopId")}
          data={[
            { value: "", label: "None" },
            ...published.map((sop) => ({
              value: sop.id,
              label: `${sop.title} (version ${sop.latestVersion})`,
            })),
          ]}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errorOf("title")}
          required
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errorOf("notes")}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Due date"
            description="In the contractor's time zone"
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={errorOf("dueDate")}
            required
          />
          <NumberInput
            label="Expected hours"
            description="Quarter hours, such as 1.25"
            min={0.25}
            step={0.25}
            decimalScale={2}
            value={hours}
            onChange={setHours}
            error={errorOf("expectedHours")}
            required
          />
        </Group>
        {assign.error && <FormError error={assign.error} inputs={inputs} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={assign.isPending}>
            Assign work
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
