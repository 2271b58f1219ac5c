import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";

/** Asks why before a candidate is rejected, so the decision can be looked back on. */
export function RejectDialog({
  name,
  opened,
  onClose,
  onReject,
  pending,
  error,
}: {
  /** Who is being rejected; null when the dialog is closed. */
  name: string | null;
  opened: boolean;
  onClose: () => void;
  onReject: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Reject ${name ?? ""}`} centered>
      <ReasonForm onClose={onClose} onReject={onReject} pending={pending} error={error} />
    </Modal>
  );
}

function ReasonForm({
  onClose,
  onReject,
  pending,
  error,
}: {
  onClose: () => void;
  onReject: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === "") {
      setProblem("Say why, so the decision can be looked back on");
      return;
    }
    onReject(reason.trim());
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={error} inputs={["reason"]} />
        <Textarea
          label="Reason"
          description="Kept with the candidate, e.g. “Missed the test project deadline”."
          data-autofocus
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={problem ?? fieldError(error, "reason")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red.8" loading={pending}>
            Reject
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
