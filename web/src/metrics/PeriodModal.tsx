import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Period, Site } from "../../../src/metrics/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { MonthInput } from "../app/components/MonthInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, readAmount } from "../app/money.ts";
import { refreshMetrics, savePeriod } from "./api.ts";
import { formatMonth, isMonth } from "./months.ts";

const inputs = ["visitors", "prospects", "customers", "revenue", "trafficCost", "otherCosts"];

/** Records a month's numbers for a site, or corrects them. */
export function PeriodModal({
  opened,
  onClose,
  site,
  period,
  suggestedMonth,
  recordedMonths,
  currency,
}: {
  opened: boolean;
  onClose: () => void;
  site: Site;
  /** The month to correct; none to add one. */
  period?: Period;
  suggestedMonth: string;
  recordedMonths: string[];
  currency: string;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={period ? `${site.name}: ${formatMonth(period.month)}` : `Add a month for ${site.name}`}
      size="lg"
      centered
    >
      <PeriodFormBody
        site={site}
        period={period}
        suggestedMonth={suggestedMonth}
        recordedMonths={recordedMonths}
        currency={currency}
        onDone={onClose}
      />
    </Modal>
  );
}

function PeriodFormBody({
  site,
  period,
  suggestedMonth,
  recordedMonths,
  currency,
  onDone,
}: {
  site: Site;
  period?: Period;
  suggestedMonth: string;
  recordedMonths: string[];
  currency: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(period?.month ?? suggestedMonth);
  const [visitors, setVisitors] = useState<number | string>(period?.visitors ?? "");
  const [prospects, setProspects] = useState<number | string>(period?.prospects ?? "");
  const [customers, setCustomers] = useState<number | string>(period?.customers ?? "");
  const [revenue, setRevenue] = useState(amountText(period?.revenue ?? null, currency));
  const [trafficCost, setTrafficCost] = useState(amountText(period?.trafficCost ?? null, currency));
  const [otherCosts, setOtherCosts] = useState(amountText(period?.otherCosts ?? 0, currency));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: savePeriod,
    onSuccess: (saved) => {
      refreshMetrics(queryClient);
      notifications.show({ message: `${site.name}: ${formatMonth(saved.month)} saved.` });
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);
  const replacing = !period && recordedMonths.includes(month);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isMonth(month)) found.month = "Choose a month";
    const count = (field: string, value: number | string) => {
      if (typeof value !== "number") found[field] = "Enter a whole number";
      return typeof value === "number" ? value : 0;
    };
    const amount = (field: string, text: string) => {
      const reading = readAmount(text, currency);
      if (reading.error !== undefined) found[field] = reading.error;
      return reading.error === undefined ? (reading.cents ?? 0) : 0;
    };
    const input = {
      visitors: count("visitors", visitors),
      prospects: count("prospects", prospects),
      customers: count("customers", customers),
      revenue: amount("revenue", revenue),
      trafficCost: amount("trafficCost", trafficCost),
      otherCosts: amount("otherCosts", otherCosts),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ siteId: site.id, month, ...input });
  }

  const countInput = (
    label: string,
    field: string,
    value: number | string,
    onChange: (value: number | string) => void,
  ) => (
    <NumberInput
      label={label}
      value={value}
      onChange={onChange}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      hideControls
      error={errorOf(field)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={[...inputs, "month"]} />
        <MonthInput
          label="Month"
          value={month}
          onChange={setMonth}
          disabled={period !== undefined}
          error={errorOf("month")}
          w={220}
          data-autofocus={period ? undefined : true}
        />
        {replacing && (
          <Alert color="indigo" variant="light">
            {site.name} already has numbers for {formatMonth(month)}. Saving replaces them.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {countInput("Visitors", "visitors", visitors, setVisitors)}
          {countInput("Prospects (opt-ins)", "prospects", prospects, setProspects)}
          {countInput("Customers", "customers", customers, setCustomers)}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MoneyInput
            label="Revenue"
            currency={currency}
            value={revenue}
            onChange={setRevenue}
            error={errorOf("revenue")}
          />
          <MoneyInput
            label="Traffic cost"
            currency={currency}
            value={trafficCost}
            onChange={setTrafficCost}
            error={errorOf("trafficCost")}
          />
          <MoneyInput
            label="Other costs"
            currency={currency}
            value={otherCosts}
            onChange={setOtherCosts}
            error={errorOf("otherCosts")}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save month
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
