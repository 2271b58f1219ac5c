import { BarChart, ScatterChart } from "@mantine/charts";
import { Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { Audit } from "../../../src/worth/schema.ts";
import { ChartFigure } from "../app/components/ChartFigure.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { chartAmount, formatHours, formatMoney, fromChartAmount } from "../app/money.ts";
import { recommendations, recommendationStyle } from "./recommendations.ts";

interface Point {
  hours: number;
  rate: number;
  /** Index into the audit's tasks, so the tooltip can name the task. */
  task: number;
}

/** The audit as pictures: where each task sits against the owner's hour, and what it costs. */
export function TaskCharts({ audit }: { audit: Audit }) {
  const { currency, tasks, hourlyValue } = audit;
  const money = (cents: number) => formatMoney(cents, currency);
  const axisMoney = (value: number) => money(fromChartAmount(value, currency));

  if (tasks.length === 0) {
    return (
      <SectionCard title="Pictures of your week">
        <Text size="sm">Add tasks to the audit and their pictures appear here.</Text>
      </SectionCard>
    );
  }

  const rated = tasks.filter((task) => task.effectiveRate !== null);
  const series = recommendations
    .map((recommendation) => ({
      name: recommendationStyle[recommendation].label,
      color: recommendationStyle[recommendation].chartColor,
      data: tasks.flatMap((task, index): Point[] =>
        task.recommendation === recommendation && task.effectiveRate !== null
          ? [
              {
                hours: task.hoursPerWeek,
                rate: chartAmount(task.effectiveRate, currency),
                task: index,
              },
            ]
          : [],
      ) as unknown as Record<string, number>[],
    }))
    .filter((entry) => entry.data.length > 0);
  const below =
    hourlyValue === null ? [] : rated.filter((t) => (t.effectiveRate ?? 0) < hourlyValue);

  const costly = tasks
    .filter((task) => task.weeklyCost > 0)
    .sort((a, b) => b.weeklyCost - a.weeklyCost)
    .map((task) => ({
      task: task.name,
      cost: chartAmount(task.weeklyCost, currency),
      color: recommendationStyle[task.recommendation].chartColor,
    }));
  const weeklyTotal = tasks.reduce((sum, task) => sum + task.weeklyCost, 0);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper
        withBorder
        radius="md"
        p="lg"
        component="section"
        aria-label="Hours against market rate"
      >
        <ChartFigure
          title="Weekly hours against market rate"
          summary={
            hourlyValue === null
              ? `${rated.length} tasks by the hours they take and what an hour of each costs to have done. Work out your hourly value to see the line to compare them with.`
              : `${rated.length} tasks by the hours they take and what an hour of each costs to have done. The line is your hour, ${money(hourlyValue)}: ${below.length} ${below.length === 1 ? "task sits" : "tasks sit"} below it.`
          }
          table={{
            columns: ["Task", "Hours a week", "Market rate", "Recommendation"],
            rows: rated.map((task) => ({
              key: task.id,
              cells: [
                task.name,
                formatHours(task.hoursPerWeek),
                `${money(task.effectiveRate ?? 0)}/h${task.rateIsEstimate ? " (estimate)" : ""}`,
                recommendationStyle[task.recommendation].label,
              ],
            })),
          }}
        >
          <ScatterChart
            h={320}
            data={series}
            dataKey={{ x: "hours", y: "rate" }}
            labels={{ x: "Hours a week", y: "Market rate" }}
            valueFormatter={{ x: (value) => formatHours(value), y: axisMoney }}
            xAxisLabel="Hours a week"
            yAxisLabel="Market rate per hour"
            withLegend
            legendProps={{ verticalAlign: "top", height: 36 }}
            yAxisProps={{ domain: [0, "auto"], width: 70 }}
            xAxisProps={{ domain: [0, (highest: number) => Math.ceil(highest) + 1] }}
            referenceLines={
              hourlyValue === null
                ? []
                : [
                    {
                      y: chartAmount(hourlyValue, currency),
                      label: `Your hour: ${money(hourlyValue)}`,
                      color: "red.7",
                      labelPosition: "insideTopRight",
                      strokeDasharray: "6 4",
                      strokeWidth: 2,
                      // Drawn even when every task costs more than the owner's hour.
                      ifOverflow: "extendDomain",
                    },
                  ]
            }
            scatterChartProps={{ title: "Weekly hours against market rate" }}
            tooltipProps={{
              content: ({ payload }) => {
                const point = payload?.[0]?.payload as Point | undefined;
                const task = point === undefined ? undefined : tasks[point.task];
                if (!task) return null;
                return (
                  <Paper withBorder shadow="md" p="xs" radius="sm">
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {task.name}
                      </Text>
                      <Text size="xs">
                        {formatHours(task.hoursPerWeek)} a week at {money(task.effectiveRate ?? 0)}
                        /h
                        {task.rateIsEstimate ? " (estimate)" : ""}
                      </Text>
                      <Text size="xs">{recommendationStyle[task.recommendation].label}</Text>
                    </Stack>
                  </Paper>
                );
              },
            }}
          />
        </ChartFigure>
        {rated.length < tasks.length && (
          <Text size="xs" c="dimmed" mt="sm">
            {tasks.length - rated.length}{" "}
            {tasks.length - rated.length === 1 ? "task has" : "tasks have"} no market rate and no
            area estimate, so {tasks.length - rated.length === 1 ? "it is" : "they are"} not shown.
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-label="Weekly cost per task">
        <ChartFigure
          title="What doing it yourself costs each week"
          summary={
            costly.length === 0
              ? "No task costs you more to do than to have done."
              : `Hours × (your hourly value − market rate) for the ${costly.length} ${costly.length === 1 ? "task" : "tasks"} below your hour: ${money(weeklyTotal)} a week in all.`
          }
          table={{
            columns: ["Task", "Weekly cost"],
            rows: tasks
              .filter((task) => task.weeklyCost > 0)
              .map((task) => ({ key: task.id, cells: [task.name, money(task.weeklyCost)] })),
          }}
        >
          {costly.length === 0 ? (
            <Group h={120} justify="center">
              <Text size="sm" c="dimmed">
                Nothing to show yet.
              </Text>
            </Group>
          ) : (
            <BarChart
              h={Math.max(160, costly.length * 38 + 60)}
              data={costly}
              dataKey="task"
              orientation="vertical"
              series={[{ name: "cost", label: "Weekly cost", color: "teal.8" }]}
              valueFormatter={axisMoney}
              yAxisProps={{ width: 170 }}
              gridAxis="y"
              barChartProps={{ title: "What doing it yourself costs each week" }}
            />
          )}
        </ChartFigure>
      </Paper>
    </SimpleGrid>
  );
}
