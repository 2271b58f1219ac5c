import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { BarterSide } from "../../../src/ledger/barter-rules.ts";
import type { Barter } from "../../../src/ledger/barter-schema.ts";
import { dateOf } from "../../../src/time/calendar.ts";
import { useMe } from "../auth/session.ts";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { formatMoney, readAmount } from "../app/money.ts";
import { newIntentKey } from "./api.ts";
import { recordDelivery, refreshBarters } from "./barter-api.ts";

const inputs = ["value", "currency", "deliveredOn", "note"];

/** Records value delivered by one side of a barter. */
export function BarterDeliveryModal({
  barter,
  side,
  onClose,
}: {
  barter: Barter;
  /** The side being recorded; the modal is closed when null. */
  side: BarterSide | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={side !== null}
      onClose={onClose}
      title={
        side === "received"
          ? `Record what ${barter.partner} delivered`
          : "Record what you delivered"
      }
      centered
    >
      {side && <DeliveryForm key={side} barter={barter} side={side} onDone={onClose} />}
    </Modal>
  );
}

function DeliveryForm({
  barter,
  side,
  onDone,
}: {
  barter: Barter;
  side: BarterSide;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const timeZone = useMe().workspace.timeZone;
  // Today when the form opens, in the workspace's zone; a delivery is not dated later.
  const [today] = useState(() => dateOf(Date.now(), timeZone));
  const [value, setValue] = useState("");
  const [deliveredOn, setDeliveredOn] = useState(today);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string>();
  // Made once when the form opens: this one delivery, however many times it is sent.
  const [idempotencyKey] = useState(newIntentKey);
  const record = useMutation({
    mutationFn: recordDelivery,
    onSuccess: (_saved, sent) => {
      void refreshBarters(queryClient);
      notifications.show({ message: `${formatMoney(sent.value, sent.currency)} recorded.` });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(value, barter.currency);
    setProblem(reading.error);
    if (reading.error !== undefined) return;
    record.mutate({
      barterId: barter.id,
      side,
      value: reading.cents ?? 0,
      currency: barter.currency,
      deliveredOn,
      note: note.trim(),
      idempotencyKey,
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={record.error} inputs={inputs} />
        <MoneyInput
          label={side === "given" ? "What it is worth" : "What it is worth to you"}
          description={side === "given" ? barter.gives : barter.gets}
          data-autofocus
          currency={barter.currency}
          value={value}
          onChange={setValue}
          error={
            problem ?? fieldError(record.error, "value") ?? fieldError(record.error, "currency")
          }
        />
        <TextInput
          label="Delivered on"
          type="date"
          max={today}
          value={deliveredOn}
          onChange={(event) => setDeliveredOn(event.currentTarget.value)}
          error={fieldError(record.error, "deliveredOn")}
        />
        <Textarea
          label="Note (optional)"
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(record.error, "note")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record delivery
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
