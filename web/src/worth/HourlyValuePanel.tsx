import {
  Alert,
  Button,
  Grid,
  Group,
  Input,
  List,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IconTarget } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { Worth } from "../../../src/worth/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, formatMoney, readAmount } from "../app/money.ts";
import { refreshWorth, saveEarnings, worthProfileKey, type EarningsForm } from "./api.ts";

type Basis = "hours" | "days";

const inputs = [
  "basis",
  "profitPerYear",
  "targetProfitPerYear",
  "hoursPerYear",
  "daysPerYear",
  "hoursPerDay",
];

/** A NumberInput's value as a number, or null while it is empty or half typed. */
function numberOf(value: number | string): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Profit and time worked in, the value of an hour and a day out, with the working shown. */
export function HourlyValuePanel({ worth, canEdit }: { worth: Worth; canEdit: boolean }) {
  const { currency, earnings } = worth;
  const queryClient = useQueryClient();
  // On a phone the two choices sit one above the other, so neither label is cut short.
  const narrow = useMediaQuery("(max-width: 30em)") ?? false;
  const [basis, setBasis] = useState<Basis>(earnings?.basis ?? "hours");
  const [profit, setProfit] = useState(amountText(earnings?.profitPerYear ?? null, currency));
  const [target, setTarget] = useState(amountText(earnings?.targetProfitPerYear ?? null, currency));
  const [hoursPerYear, setHoursPerYear] = useState<number | string>(earnings?.hoursPerYear ?? 2080);
  const [daysPerYear, setDaysPerYear] = useState<number | string>(
    earnings?.basis === "days" ? earnings.daysPerYear : 250,
  );
  const [hoursPerDay, setHoursPerDay] = useState<number | string>(
    earnings?.basis === "days" ? earnings.hoursPerDay : 8,
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: saveEarnings,
    onSuccess: (saved) => {
      queryClient.setQueryData(worthProfileKey, saved);
      refreshWorth(queryClient);
      notifications.show({ message: "Earnings saved. Your hourly value is up to date." });
    },
  });
  const errorOf = (name: string) => problems[name] ?? fieldError(save.error, name);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const profitReading = readAmount(profit, currency);
    const targetReading = readAmount(target, currency, true);
    if (profitReading.error !== undefined) found.profitPerYear = profitReading.error;
    if (targetReading.error !== undefined) found.targetProfitPerYear = targetReading.error;
    const hours = numberOf(hoursPerYear);
    const days = numberOf(daysPerYear);
    const perDay = numberOf(hoursPerDay);
    if (basis === "hours" && hours === null) found.hoursPerYear = "Enter hours per year";
    if (basis === "days" && days === null) found.daysPerYear = "Enter working days per year";
    if (basis === "days" && perDay === null) found.hoursPerDay = "Enter hours per day";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const profitPerYear = profitReading.error === undefined ? (profitReading.cents ?? 0) : 0;
    const targetProfitPerYear = targetReading.error === undefined ? targetReading.cents : null;
    const input: EarningsForm =
      basis === "hours"
        ? { basis, profitPerYear, targetProfitPerYear, hoursPerYear: hours ?? 0 }
        : {
            basis,
            profitPerYear,
            targetProfitPerYear,
            daysPerYear: days ?? 0,
            hoursPerDay: perDay ?? 0,
          };
    save.mutate(input);
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SectionCard
          title="What you earn and work"
          description="Your profit, not your revenue: what is left after the business's costs."
        >
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FormError error={save.error} inputs={inputs} />
              <Input.Wrapper
                id="earnings-basis"
                label="Count your time"
                labelElement="div"
                description="Hours in a year, or working days and the hours in each"
              >
                <SegmentedControl
                  mt={6}
                  fullWidth
                  orientation={narrow ? "vertical" : "horizontal"}
                  aria-labelledby="earnings-basis-label"
                  aria-describedby="earnings-basis-description"
                  value={basis}
                  onChange={(value) => setBasis(value === "days" ? "days" : "hours")}
                  disabled={!canEdit}
                  data={[
                    { value: "hours", label: "Per year in hours" },
                    { value: "days", label: "Working days × hours per day" },
                  ]}
                />
              </Input.Wrapper>
              <MoneyInput
                label="Profit per year"
                currency={currency}
                placeholder="50,000"
                value={profit}
                onChange={setProfit}
                error={errorOf("profitPerYear")}
                disabled={!canEdit}
              />
              {basis === "hours" ? (
                <NumberInput
                  label="Hours worked per year"
                  description="52 weeks × 40 hours = 2,080"
                  value={hoursPerYear}
                  onChange={setHoursPerYear}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  hideControls
                  suffix=" h"
                  error={errorOf("hoursPerYear")}
                  disabled={!canEdit}
                />
              ) : (
                <SimpleGrid cols={{ base: 1, xs: 2 }}>
                  <NumberInput
                    label="Working days per year"
                    value={daysPerYear}
                    onChange={setDaysPerYear}
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    error={errorOf("daysPerYear")}
                    disabled={!canEdit}
                  />
                  <NumberInput
                    label="Hours per day"
                    value={hoursPerDay}
                    onChange={setHoursPerDay}
                    decimalScale={2}
                    allowNegative={false}
                    hideControls
                    error={errorOf("hoursPerDay")}
                    disabled={!canEdit}
                  />
                </SimpleGrid>
              )}
              <MoneyInput
                label="Target profit per year (optional)"
                description="The profit you aim for, to see your hour at your goal"
                currency={currency}
                value={target}
                onChange={setTarget}
                error={errorOf("targetProfitPerYear")}
                disabled={!canEdit}
              />
              {canEdit && (
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    Work out my hourly value
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <SectionCard
            title="What your time is worth today"
            description="Every task that costs less than this to have done is a candidate to hand off."
          >
            {worth.hourlyValue ? (
              <ValueFigures value={worth.hourlyValue} currency={currency} testIdPrefix="today" />
            ) : (
              <Text size="sm">
                Enter your profit and the time you work, and the value of one hour and one day of
                your time appears here: $50,000 a year over 2,080 hours is $24.04 an hour.
              </Text>
            )}
          </SectionCard>
          <SectionCard title="At your target profit">
            {worth.targetHourlyValue ? (
              <ValueFigures
                value={worth.targetHourlyValue}
                currency={currency}
                testIdPrefix="target"
              />
            ) : (
              <Alert variant="light" color="gray" icon={<IconTarget aria-hidden />}>
                Add a target profit to see what your hour will be worth when you reach it.
              </Alert>
            )}
          </SectionCard>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function ValueFigures({
  value,
  currency,
  testIdPrefix,
}: {
  value: NonNullable<Worth["hourlyValue"]>;
  currency: string;
  testIdPrefix: string;
}) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <StatCard
          label="One hour"
          value={formatMoney(value.perHour, currency)}
          testId={`${testIdPrefix}-per-hour`}
        />
        <StatCard
          label="One day"
          value={formatMoney(value.perDay, currency)}
          testId={`${testIdPrefix}-per-day`}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          How it is worked out
        </Text>
        <List size="sm" spacing={2}>
          {value.working.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
