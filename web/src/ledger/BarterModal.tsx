import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Barter, BarterDetail, BarterInput } from "../../../src/ledger/barter-schema.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, readAmount, useCurrency } from "../app/money.ts";
import { directoryKey, fetchContractors } from "../people/api.ts";
import { createBarter, refreshBarters, updateBarter } from "./barter-api.ts";

const inputs = [
  "partner",
  "contractorId",
  "gives",
  "gets",
  "givesValue",
  "getsValue",
  "currency",
  "notes",
];

/** Agrees a new barter, or changes the terms of one. */
export function BarterModal({
  opened,
  onClose,
  barter,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  barter?: Barter;
  onSaved?: (saved: BarterDetail) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={barter ? `Change the barter with ${barter.partner}` : "Agree a barter"}
      size="lg"
      centered
    >
      <BarterForm barter={barter} onDone={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function BarterForm({
  barter,
  onDone,
  onSaved,
}: {
  barter?: Barter;
  onDone: () => void;
  onSaved?: (saved: BarterDetail) => void;
}) {
  const queryClient = useQueryClient();
  const workspaceCurrency = useCurrency();
  const people = useQuery({
    queryKey: [...directoryKey, "barter"],
    queryFn: () => fetchContractors({}),
  });
  const [partner, setPartner] = useState(barter?.partner ?? "");
  const [contractorId, setContractorId] = useState(barter?.contractorId ?? "");
  const [gives, setGives] = useState(barter?.gives ?? "");
  const [gets, setGets] = useState(barter?.gets ?? "");
  const [currency, setCurrency] = useState(barter?.currency ?? workspaceCurrency);
  const [givesValue, setGivesValue] = useState(amountText(barter?.givesValue ?? null, currency));
  const [getsValue, setGetsValue] = useState(amountText(barter?.getsValue ?? null, currency));
  const [notes, setNotes] = useState(barter?.notes ?? "");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: BarterInput) =>
      barter ? updateBarter({ id: barter.id, ...input }) : createBarter(input),
    onSuccess: (saved) => {
      void refreshBarters(queryClient);
      notifications.show({ message: `The barter with ${saved.partner} is saved.` });
      onSaved?.(saved);
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const value = (field: string, text: string) => {
      const reading = readAmount(text, currency);
      if (reading.error !== undefined) found[field] = reading.error;
      return reading.error === undefined ? (reading.cents ?? 0) : 0;
    };
    const input: BarterInput = {
      partner: partner.trim(),
      contractorId: contractorId || null,
      gives: gives.trim(),
      gets: gets.trim(),
      givesValue: value("givesValue", givesValue),
      getsValue: value("getsValue", getsValue),
      currency,
      notes: notes.trim(),
    };
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Who you trade with"
            data-autofocus
            maxLength={160}
            value={partner}
            onChange={(event) => setPartner(event.currentTarget.value)}
            error={errorOf("partner")}
          />
          <NativeSelect
            label="In your directory (optional)"
            value={contractorId}
            onChange={(event) => setContractorId(event.currentTarget.value)}
            data={[
              { value: "", label: "Not in the directory" },
              ...(people.data ?? []).map((person) => ({ value: person.id, label: person.name })),
            ]}
            error={errorOf("contractorId")}
          />
        </SimpleGrid>
        <Textarea
          label="What you give"
          autosize
          minRows={2}
          maxLength={2000}
          value={gives}
          onChange={(event) => setGives(event.currentTarget.value)}
          error={errorOf("gives")}
        />
        <Textarea
          label="What you get"
          autosize
          minRows={2}
          maxLength={2000}
          value={gets}
          onChange={(event) => setGets(event.currentTarget.value)}
          error={errorOf("gets")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MoneyInput
            label="What you give is worth"
            currency={currency}
            value={givesValue}
            onChange={setGivesValue}
            error={errorOf("givesValue")}
          />
          <MoneyInput
            label="What you get is worth"
            currency={currency}
            value={getsValue}
            onChange={setGetsValue}
            error={errorOf("getsValue")}
          />
          <CurrencySelect value={currency} onChange={setCurrency} error={errorOf("currency")} />
        </SimpleGrid>
        <Textarea
          label="Notes (optional)"
          autosize
          minRows={2}
          maxLength={5000}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errorOf("notes")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {barter ? "Save changes" : "Agree barter"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
