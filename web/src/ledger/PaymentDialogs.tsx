import { NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  payoutMethods,
  type LedgerTransaction,
  type PayoutMethod,
  type PersonTotals,
} from "../../../src/ledger/schema.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, formatMoney, readAmount, useCurrency } from "../app/money.ts";
import { useMe } from "../auth/session.ts";
import { directoryKey, fetchContractors } from "../people/api.ts";
import { dateOf } from "../../../src/time/calendar.ts";
import { giveBonus, recordPayout, reverseTransaction } from "./api.ts";
import { DialogButtons } from "./MoneyDialog.tsx";
import { useMoneyAction } from "./use-money-action.ts";
import { kindLabels, methodLabels } from "./words.ts";

/** Reads the typed amount, keeping the problem to show under the field. */
function useAmount(initial: number | null, currency: string) {
  const [text, setText] = useState(amountText(initial, currency));
  const [problem, setProblem] = useState<string | undefined>();
  return {
    text,
    setText,
    problem,
    read(): number | null {
      const reading = readAmount(text, currency);
      setProblem(reading.error);
      return reading.error === undefined ? reading.cents : null;
    },
  };
}

/** Records money sent to a person for what they are owed: how, with which reference, on which day. */
export function PayoutForm({ person, onDone }: { person: PersonTotals; onDone: () => void }) {
  const me = useMe();
  const amount = useAmount(person.owed, person.currency);
  const [method, setMethod] = useState<PayoutMethod>("bank_transfer");
  const [reference, setReference] = useState("");
  const [paidOn, setPaidOn] = useState(() => dateOf(Date.now(), me.user.timeZone));
  const pay = useMoneyAction(recordPayout, {
    done: (paid) =>
      `Recorded ${formatMoney(paid.amount, paid.currency)} paid to ${person.contractorName}.`,
    onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = amount.read();
    if (cents === null) return;
    pay.mutate({
      contractorId: person.contractorId,
      amount: cents,
      currency: person.currency,
      method,
      reference,
      paidOn,
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {person.contractorName} is owed {formatMoney(person.owed, person.currency)} for accepted
          work and bonuses. Record what you sent them; Handoff does not move the money itself.
        </Text>
        <FormError error={pay.error} inputs={["amount", "method", "reference", "paidOn"]} />
        <MoneyInput
          label="Amount paid"
          currency={person.currency}
          value={amount.text}
          onChange={amount.setText}
          error={amount.problem ?? fieldError(pay.error, "amount")}
          data-autofocus
        />
        <NativeSelect
          label="How it was sent"
          value={method}
          onChange={(event) => setMethod(event.currentTarget.value as PayoutMethod)}
          data={payoutMethods.map((value) => ({ value, label: methodLabels[value] }))}
          error={fieldError(pay.error, "method")}
        />
        <TextInput
          label="Reference"
          description="The bank, PayPal or site reference, so the payment can be found again"
          maxLength={200}
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={fieldError(pay.error, "reference")}
        />
        <TextInput
          type="date"
          label="Paid on"
          value={paidOn}
          onChange={(event) => setPaidOn(event.currentTarget.value)}
          error={fieldError(pay.error, "paidOn")}
        />
        <DialogButtons label="Record payout" pending={pay.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** A bonus for someone, with its reason: added to what they are owed, clearly labelled. */
export function BonusForm({
  person,
  suggested,
  onDone,
}: {
  /** The person it is for, from the ledger; without one the owner picks who gets it. */
  person?: Pick<PersonTotals, "contractorId" | "contractorName">;
  /**
   * Someone to preselect in the list, by id only (a link may name them): the list shows the
   * name the directory has, and an id it does not know selects no one.
   */
  suggested?: string;
  onDone: () => void;
}) {
  const workspaceCurrency = useCurrency();
  const people = useQuery({
    queryKey: [...directoryKey, "bonus"],
    queryFn: () => fetchContractors({}),
    enabled: !person,
  });
  const [choice, setChoice] = useState(suggested ?? "");
  const contractorId =
    person?.contractorId ?? (people.data?.some((row) => row.id === choice) ? choice : "");
  const [currency, setCurrency] = useState(workspaceCurrency);
  const amount = useAmount(null, currency);
  const [reason, setReason] = useState("");
  const give = useMoneyAction(giveBonus, {
    done: (bonus) =>
      `Gave ${bonus.contractorName ?? "them"} a bonus of ${formatMoney(bonus.amount, bonus.currency)}.`,
    onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = amount.read();
    if (cents === null) return;
    give.mutate({ contractorId, amount: cents, currency, reason });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          A bonus rewards good work at any time, such as a year-end reward. It is added to what the
          person is owed and shown as a bonus everywhere.
        </Text>
        <FormError error={give.error} inputs={["contractorId", "amount", "currency", "reason"]} />
        {!person && (
          <NativeSelect
            label="Who gets it"
            value={contractorId}
            onChange={(event) => setChoice(event.currentTarget.value)}
            data={[
              { value: "", label: people.isPending ? "Loading people…" : "Choose a person" },
              ...(people.data ?? []).map((row) => ({ value: row.id, label: row.name })),
            ]}
            error={fieldError(give.error, "contractorId")}
          />
        )}
        <MoneyInput
          label="Bonus"
          currency={currency}
          value={amount.text}
          onChange={amount.setText}
          error={amount.problem ?? fieldError(give.error, "amount")}
          data-autofocus
        />
        <CurrencySelect
          value={currency}
          onChange={setCurrency}
          error={fieldError(give.error, "currency")}
        />
        <Textarea
          label="Reason"
          description="Shown to the person with the bonus"
          placeholder="Year-end reward for delivering every milestone on time"
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(give.error, "reason")}
        />
        <DialogButtons label="Give bonus" pending={give.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Undoes a payout or a bonus with an opposite movement; the original stays in the ledger. */
export function ReverseForm({
  transaction,
  onDone,
}: {
  transaction: LedgerTransaction;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  const reverse = useMoneyAction(reverseTransaction, {
    done: () => `Reversed the ${kindLabels[transaction.kind].toLowerCase()}.`,
    onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    reverse.mutate({ id: transaction.id, reason });
  }
  const what = transaction.kind === "bonus" ? "bonus" : "payout";
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Reverse the {what} of {formatMoney(transaction.amount, transaction.currency)}
          {transaction.contractorName ? ` to ${transaction.contractorName}` : ""}. A new movement in
          the opposite direction is recorded; the original stays in the history.
        </Text>
        <FormError error={reverse.error} inputs={["reason"]} />
        <Textarea
          label="Why it is reversed"
          placeholder={
            what === "payout" ? "The bank returned the transfer" : "Given to the wrong person"
          }
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(reverse.error, "reason")}
        />
        <DialogButtons label={`Reverse ${what}`} pending={reverse.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
