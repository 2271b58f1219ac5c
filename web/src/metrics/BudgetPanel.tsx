import { BarChart } from "@mantine/charts";
import {
  Button,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Budget } from "../../../src/metrics/schema.ts";
import { ChartFigure } from "../app/components/ChartFigure.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, chartAmount, formatMoney, fromChartAmount, readAmount } from "../app/money.ts";
import { budgetKey, saveBudget } from "./api.ts";
import { formatMonth } from "./months.ts";
import { roiSentence, roiSources } from "./roi.ts";

const inputs = [
  "monthlyBudget",
  "minMonthlyProfit",
  "minMarginPercent",
  "reinvestPercent",
  "extraProfitOverride",
];

/** The monthly outsourcing budget, spend against it, and what outsourcing does for profit. */
export function BudgetPanel({ budget, canEdit }: { budget: Budget; canEdit: boolean }) {
  const money = (cents: number) => formatMoney(cents, budget.currency);
  const budgetSet = budget.plan.monthlyBudget > 0;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SectionCard
          title="Your budget and expectations"
          description="What you are willing to spend on outsourcing each month, and the profit you keep whatever happens."
        >
          <BudgetForm budget={budget} canEdit={canEdit} />
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <SectionCard
            title="Return on outsourcing"
            description="What paying for help does to your monthly profit, once the hours it frees are put to work."
          >
            <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
              <Text fz="lg" fw={650} data-testid="roi-sentence">
                {roiSentence(budget)}
              </Text>
            </Paper>
            <List size="sm" spacing={4}>
              {roiSources(budget).map(({ term, source }) => (
                <List.Item key={term}>
                  <Text span size="sm" fw={600}>
                    {term}:
                  </Text>{" "}
                  {source}
                </List.Item>
              ))}
            </List>
          </SectionCard>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <StatCard
              size="md"
              label={`Budget left in ${formatMonth(budget.month)}`}
              value={
                !budgetSet
                  ? "—"
                  : budget.budgetLeft < 0
                    ? `${money(-budget.budgetLeft)} over`
                    : money(budget.budgetLeft)
              }
              color={budgetSet && budget.budgetLeft < 0 ? "var(--mantine-color-error)" : undefined}
              note={
                !budgetSet
                  ? "Set a monthly budget to see what is left."
                  : budget.budgetLeft < 0
                    ? `${budget.actualSpend === null ? "Planned" : "Actual"} spend of ${money(budget.actualSpend ?? budget.plannedSpend)} is more than the budget of ${money(budget.plan.monthlyBudget)}.`
                    : `Budget ${money(budget.plan.monthlyBudget)} less ${budget.actualSpend === null ? "planned" : "actual"} spend.`
              }
              testId="budget-left"
            />
            <StatCard
              size="md"
              label="Planned spend"
              value={money(budget.plannedSpend)}
              note="From the task audit: the tasks marked delegate, at their market rates, each month."
              testId="planned-spend"
            />
            <StatCard
              size="md"
              label="Actual spend"
              value={budget.actualSpend === null ? "—" : money(budget.actualSpend)}
              note={
                budget.actualSpend === null
                  ? "Appears once payments are recorded."
                  : `Paid in ${formatMonth(budget.month)}.`
              }
              testId="actual-spend"
            />
            <StatCard
              size="md"
              label="Most you can afford"
              value={
                budget.maxAffordableSpend === null ? "—" : `${money(budget.maxAffordableSpend)}`
              }
              note={
                budget.maxAffordableSpend === null
                  ? "Appears once you record months of numbers for your sites."
                  : "A month, keeping the profit and margin you set."
              }
              testId="max-affordable"
            />
          </SimpleGrid>
          <Paper
            withBorder
            radius="md"
            p="lg"
            component="section"
            aria-label="Spend against budget"
          >
            <SpendChart budget={budget} />
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function SpendChart({ budget }: { budget: Budget }) {
  const { currency } = budget;
  const money = (cents: number) => formatMoney(cents, currency);
  const bars = [
    { item: "Budget", cents: budget.plan.monthlyBudget, color: "indigo.7" },
    { item: "Planned spend", cents: budget.plannedSpend, color: "teal.8" },
    ...(budget.actualSpend === null
      ? []
      : [{ item: "Actual spend", cents: budget.actualSpend, color: "orange.8" }]),
    ...(budget.maxAffordableSpend === null
      ? []
      : [{ item: "Most you can afford", cents: budget.maxAffordableSpend, color: "gray.6" }]),
  ];
  return (
    <ChartFigure
      title="Spend against budget"
      summary={
        budget.plan.monthlyBudget === 0
          ? `No budget set yet; the plan would spend ${money(budget.plannedSpend)} a month.`
          : `A budget of ${money(budget.plan.monthlyBudget)} a month against ${money(budget.actualSpend ?? budget.plannedSpend)} ${budget.actualSpend === null ? "planned" : "spent"}.`
      }
      table={{
        columns: ["Item", "Per month"],
        rows: bars.map((bar) => ({ key: bar.item, cells: [bar.item, money(bar.cents)] })),
      }}
    >
      <BarChart
        h={bars.length * 44 + 50}
        data={bars.map((bar) => ({
          item: bar.item,
          amount: chartAmount(bar.cents, currency),
          color: bar.color,
        }))}
        dataKey="item"
        orientation="vertical"
        series={[{ name: "amount", label: "Per month" }]}
        valueFormatter={(value) => money(fromChartAmount(value, currency))}
        yAxisProps={{ width: 150 }}
        gridAxis="y"
        barChartProps={{ title: "Spend against budget" }}
      />
    </ChartFigure>
  );
}

function BudgetForm({ budget, canEdit }: { budget: Budget; canEdit: boolean }) {
  const { currency, plan } = budget;
  const queryClient = useQueryClient();
  const [monthly, setMonthly] = useState(amountText(plan.monthlyBudget, currency));
  const [minProfit, setMinProfit] = useState(amountText(plan.minMonthlyProfit, currency));
  const [minMargin, setMinMargin] = useState<number | string>(plan.minMarginPercent ?? "");
  const [reinvest, setReinvest] = useState<number | string>(plan.reinvestPercent);
  const [extra, setExtra] = useState(amountText(plan.extraProfitOverride, currency));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: saveBudget,
    onSuccess: (saved) => {
      queryClient.setQueryData(budgetKey, saved);
      void queryClient.invalidateQueries({ queryKey: ["metrics"] });
      notifications.show({ message: "Budget saved." });
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const read = (field: string, text: string, optional: boolean) => {
      const reading = readAmount(text, currency, optional);
      if (reading.error !== undefined) {
        found[field] = reading.error;
        return null;
      }
      return reading.cents;
    };
    const monthlyBudget = read("monthlyBudget", monthly, false) ?? 0;
    const minMonthlyProfit = read("minMonthlyProfit", minProfit, true);
    const extraProfitOverride = read("extraProfitOverride", extra, true);
    if (typeof reinvest !== "number") found.reinvestPercent = "Enter a percentage from 0 to 100";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      monthlyBudget,
      minMonthlyProfit,
      minMarginPercent: typeof minMargin === "number" ? minMargin : null,
      reinvestPercent: typeof reinvest === "number" ? reinvest : 50,
      extraProfitOverride,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <MoneyInput
          label="Monthly outsourcing budget"
          currency={currency}
          value={monthly}
          onChange={setMonthly}
          error={errorOf("monthlyBudget")}
          disabled={!canEdit}
        />
        <MoneyInput
          label="Least monthly profit to keep (optional)"
          description="Outsourcing spend never eats into this"
          currency={currency}
          value={minProfit}
          onChange={setMinProfit}
          error={errorOf("minMonthlyProfit")}
          disabled={!canEdit}
        />
        <NumberInput
          label="Least margin to keep (optional)"
          description="Profit as a share of revenue"
          suffix=" %"
          value={minMargin}
          onChange={setMinMargin}
          decimalScale={2}
          min={0}
          max={100}
          allowNegative={false}
          hideControls
          error={errorOf("minMarginPercent")}
          disabled={!canEdit}
        />
        <NumberInput
          label="Share of freed hours put into growth"
          description="Of the hours outsourcing frees, how many you spend growing the business"
          suffix=" %"
          value={reinvest}
          onChange={setReinvest}
          allowDecimal={false}
          min={0}
          max={100}
          allowNegative={false}
          hideControls
          error={errorOf("reinvestPercent")}
          disabled={!canEdit}
        />
        <MoneyInput
          label="Extra profit I expect per month (optional)"
          description="Leave it empty to work it out from the freed hours and your hourly value"
          currency={currency}
          value={extra}
          onChange={setExtra}
          error={errorOf("extraProfitOverride")}
          disabled={!canEdit}
        />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save budget
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
