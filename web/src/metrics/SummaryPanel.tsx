import { FunnelChart, LineChart } from "@mantine/charts";
import { Box, ColorSwatch, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Summary } from "../../../src/metrics/schema.ts";
import { ChartFigure } from "../app/components/ChartFigure.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { MonthInput } from "../app/components/MonthInput.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import {
  chartAmount,
  formatCount,
  formatMoney,
  formatMoneyFixed,
  fromChartAmount,
} from "../app/money.ts";
import { fetchSummary, summaryKey, type MonthRange } from "./api.ts";
import { FigureTd, figureText, type Figure, type FigureKind } from "./figures.tsx";
import { formatMonth, isMonth } from "./months.ts";

/** The sites' numbers over a range of months, turned into rates, value, profit and pictures. */
export function SummaryPanel({
  range,
  onRangeChange,
}: {
  range: MonthRange;
  onRangeChange: (range: MonthRange) => void;
}) {
  const valid = isMonth(range.from) && isMonth(range.to) && range.from <= range.to;
  const summary = useQuery({
    queryKey: summaryKey(range),
    queryFn: () => fetchSummary(range),
    enabled: valid,
  });
  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-start">
        <MonthInput
          label="From"
          value={range.from}
          onChange={(from) => onRangeChange({ ...range, from })}
          error={isMonth(range.from) ? undefined : "Choose a month"}
          w={190}
        />
        <MonthInput
          label="To"
          value={range.to}
          onChange={(to) => onRangeChange({ ...range, to })}
          error={
            !isMonth(range.to)
              ? "Choose a month"
              : isMonth(range.from) && range.from > range.to
                ? "The end comes after the start"
                : undefined
          }
          w={190}
        />
      </Group>
      {valid && <Loaded query={summary}>{(data) => <SummaryView summary={data} />}</Loaded>}
    </Stack>
  );
}

function SummaryView({ summary }: { summary: Summary }) {
  const { currency, totals } = summary;
  const { figures } = totals;
  const money = (cents: number) => formatMoney(cents, currency);
  if (summary.months === 0) {
    return (
      <SectionCard title="No numbers in this range">
        <Text size="sm">
          Add a site and its months in Sites and months, or import them from a CSV file, and the
          rates, value per visitor, profit and what you can afford to spend appear here.
        </Text>
      </SectionCard>
    );
  }
  const card = (label: string, figure: Figure, kind: FigureKind, testId: string, note?: string) => (
    <StatCard
      label={label}
      size="md"
      value={figureText(figure, kind, currency)}
      note={figure.value === null ? (figure.reason ?? "Not known") : note}
      testId={testId}
    />
  );
  const months = `${summary.months} ${summary.months === 1 ? "month" : "months"}`;
  return (
    <Stack gap="lg">
      <SectionCard
        title={`Over ${months}`}
        description={`${formatCount(totals.visitors)} visitors, ${formatCount(totals.prospects)} prospects and ${formatCount(totals.customers)} customers; ${money(totals.revenue)} revenue against ${money(totals.trafficCost)} traffic cost and ${money(totals.otherCosts)} other costs.`}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {card(
            "Visitor → prospect",
            figures.visitorToProspect,
            "percent",
            "figure-visitor-prospect",
            "Visitors who opted in",
          )}
          {card(
            "Visitor → customer",
            figures.visitorToCustomer,
            "percent",
            "figure-visitor-customer",
            "Visitors who bought",
          )}
          {card(
            "Prospect → customer",
            figures.prospectToCustomer,
            "percent",
            "figure-prospect-customer",
            "Prospects who bought",
          )}
          {card(
            "Value per visitor",
            figures.valuePerVisitor,
            "money",
            "figure-value-per-visitor",
            "Revenue ÷ visitors",
          )}
          {card(
            "Cost per visitor",
            figures.costPerVisitor,
            "money",
            "figure-cost-per-visitor",
            "Traffic and other costs ÷ visitors",
          )}
          {card(
            "Break-even cost per visitor",
            figures.breakEvenCostPerVisitor,
            "money",
            "figure-break-even",
            "The most a visitor can cost in traffic before the funnel stops paying for itself",
          )}
          <StatCard
            label="Profit"
            size="md"
            value={money(figures.profit)}
            note={`${money(summary.monthlyProfit)} a month on average`}
            testId="figure-profit"
          />
          {card("Margin", figures.margin, "percent", "figure-margin", "Profit ÷ revenue")}
          <StatCard
            label="Most you can spend on outsourcing"
            size="md"
            value={`${money(summary.maxAffordableSpend)} a month`}
            note="Average monthly profit less the profit or margin you keep (set it in Budget and ROI)"
            testId="figure-max-spend"
          />
        </SimpleGrid>
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="lg" component="section" aria-label="Funnel">
          <FunnelPicture summary={summary} />
        </Paper>
        <Paper withBorder radius="md" p="lg" component="section" aria-label="Trend">
          <TrendPicture summary={summary} />
        </Paper>
      </SimpleGrid>
      {summary.sites.length > 1 && <BySite summary={summary} />}
    </Stack>
  );
}

function FunnelPicture({ summary }: { summary: Summary }) {
  const { totals, currency } = summary;
  const { figures } = totals;
  const steps = [
    { name: "Visitors", value: totals.visitors, color: "indigo.6", note: "came to your sites" },
    {
      name: "Prospects",
      value: totals.prospects,
      color: "violet.6",
      note: `${figureText(figures.visitorToProspect, "percent", currency)} of visitors opted in`,
    },
    {
      name: "Customers",
      value: totals.customers,
      color: "teal.7",
      note: `${figureText(figures.prospectToCustomer, "percent", currency)} of prospects, ${figureText(figures.visitorToCustomer, "percent", currency)} of visitors, bought`,
    },
  ];
  return (
    <ChartFigure
      title="From visitor to customer"
      summary={`${formatCount(totals.visitors)} visitors became ${formatCount(totals.prospects)} prospects and ${formatCount(totals.customers)} customers.`}
      table={{
        columns: ["Step", "People", "Rate"],
        rows: steps.map((step) => ({
          key: step.name,
          cells: [step.name, formatCount(step.value), step.note],
        })),
      }}
    >
      <Group gap="xl" wrap="wrap" justify="center" align="center">
        <FunnelChart
          data={steps}
          size={220}
          withTooltip
          valueFormatter={formatCount}
          funnelChartProps={{ title: "From visitor to customer" }}
        />
        <Stack gap="sm" aria-hidden>
          {steps.map((step) => (
            <Group key={step.name} gap="sm" wrap="nowrap" align="flex-start">
              <Box pt={4}>
                <ColorSwatch
                  color={`var(--mantine-color-${step.color.replace(".", "-")})`}
                  size={14}
                />
              </Box>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {formatCount(step.value)} {step.name.toLowerCase()}
                </Text>
                <Text size="xs" c="dimmed" maw={220}>
                  {step.note}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartFigure>
  );
}

function TrendPicture({ summary }: { summary: Summary }) {
  const { currency } = summary;
  const money = (cents: number) => formatMoney(cents, currency);
  const data = summary.trend.map((month) => ({
    month: formatMonth(month.month),
    revenue: chartAmount(month.revenue, currency),
    profit: chartAmount(month.profit, currency),
  }));
  const first = summary.trend[0];
  const last = summary.trend.at(-1);
  return (
    <ChartFigure
      title="Revenue and profit by month"
      summary={
        first && last && first !== last
          ? `Revenue went from ${money(first.revenue)} in ${formatMonth(first.month)} to ${money(last.revenue)} in ${formatMonth(last.month)}; profit from ${money(first.profit)} to ${money(last.profit)}.`
          : last
            ? `${formatMonth(last.month)}: revenue ${money(last.revenue)}, profit ${money(last.profit)}.`
            : "No months yet."
      }
      table={{
        columns: ["Month", "Revenue", "Profit"],
        rows: summary.trend.map((month) => ({
          key: month.month,
          cells: [formatMonth(month.month), money(month.revenue), money(month.profit)],
        })),
      }}
    >
      <LineChart
        h={280}
        data={data}
        dataKey="month"
        series={[
          { name: "revenue", label: "Revenue", color: "indigo.6" },
          { name: "profit", label: "Profit", color: "teal.7" },
        ]}
        valueFormatter={(value) => money(fromChartAmount(value, currency))}
        yAxisProps={{ width: 80 }}
        withLegend
        legendProps={{ verticalAlign: "bottom", height: 40 }}
        curveType="monotone"
        referenceLines={[{ y: 0, color: "gray.6" }]}
        lineChartProps={{ title: "Revenue and profit by month" }}
      />
    </ChartFigure>
  );
}

function BySite({ summary }: { summary: Summary }) {
  const { currency } = summary;
  return (
    <SectionCard title="By site" description="The same range, site by site.">
      {/* Focusable, so the table can be scrolled sideways from the keyboard on a small screen. */}
      <Table.ScrollContainer
        minWidth={760}
        type="native"
        tabIndex={0}
        role="region"
        aria-label="By site"
      >
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Site</Table.Th>
              <Table.Th ta="right">Visitors</Table.Th>
              <Table.Th ta="right">Visitor&nbsp;→ prospect</Table.Th>
              <Table.Th ta="right">Visitor&nbsp;→ customer</Table.Th>
              <Table.Th ta="right">Value per visitor</Table.Th>
              <Table.Th ta="right">Revenue</Table.Th>
              <Table.Th ta="right">Profit</Table.Th>
              <Table.Th ta="right">Margin</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.sites.map((site) => (
              <Table.Tr key={site.siteId}>
                <Table.Td>{site.name}</Table.Td>
                <Table.Td ta="right">{formatCount(site.totals.visitors)}</Table.Td>
                <FigureTd
                  figure={site.figures.visitorToProspect}
                  kind="percent"
                  currency={currency}
                />
                <FigureTd
                  figure={site.figures.visitorToCustomer}
                  kind="percent"
                  currency={currency}
                />
                <FigureTd figure={site.figures.valuePerVisitor} kind="money" currency={currency} />
                <Table.Td ta="right">{formatMoneyFixed(site.totals.revenue, currency)}</Table.Td>
                <Table.Td ta="right">{formatMoneyFixed(site.figures.profit, currency)}</Table.Td>
                <FigureTd figure={site.figures.margin} kind="percent" currency={currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
