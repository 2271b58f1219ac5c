import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatHours, formatMoney } from "../app/money.ts";
import { budgetKey, fetchBudget } from "../metrics/api.ts";
import { formatMonth } from "../metrics/months.ts";
import { auditKey, fetchAudit, fetchWorth, worthProfileKey } from "../worth/api.ts";

function Figure({
  value,
  unit,
  testId,
  color,
}: {
  value: string;
  unit: string;
  testId: string;
  color?: string;
}) {
  return (
    <Group gap="xs" align="baseline" wrap="wrap">
      <Text fz={32} fw={700} lh={1.1} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text>{unit}</Text>
    </Group>
  );
}

function Card({
  title,
  to,
  linkLabel,
  children,
}: {
  title: string;
  to: string;
  linkLabel: string;
  children: ReactNode;
}) {
  return (
    <SectionCard
      title={title}
      aside={
        <Anchor component={Link} to={to} size="sm">
          {linkLabel}
        </Anchor>
      }
    >
      {children}
    </SectionCard>
  );
}

/** Three numbers from the method on the home page: your hour, the hours to free, the budget left. */
export function WorthCards() {
  const worth = useQuery({ queryKey: worthProfileKey, queryFn: fetchWorth });
  const audit = useQuery({ queryKey: auditKey, queryFn: fetchAudit });
  const budget = useQuery({ queryKey: budgetKey, queryFn: fetchBudget });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      <Card title="Your hourly value" to="/worth" linkLabel="Know your worth">
        <Loaded query={worth}>
          {(data) =>
            data.hourlyValue ? (
              <Stack gap={4}>
                <Figure
                  value={formatMoney(data.hourlyValue.perHour, data.currency)}
                  unit="an hour"
                  testId="dashboard-hourly-value"
                />
                <Text size="sm" c="dimmed">
                  {formatMoney(data.hourlyValue.perDay, data.currency)} a day. Hand off work that
                  costs less.
                </Text>
              </Stack>
            ) : (
              <Text size="sm">
                Not worked out yet. Enter your profit and the hours you work to see what an hour of
                your time is worth.
              </Text>
            )
          }
        </Loaded>
      </Card>
      <Card title="Hours you could free" to="/worth?tab=tasks" linkLabel="Task audit">
        <Loaded query={audit}>
          {(data) =>
            data.tasks.length === 0 ? (
              <Text size="sm">
                No tasks audited yet. List what you do each week to see which hours you could hand
                off.
              </Text>
            ) : (
              <Stack gap={4}>
                <Figure
                  value={formatHours(data.totals.freeableHoursPerWeek)}
                  unit="a week"
                  testId="dashboard-freeable-hours"
                />
                <Text size="sm" c="dimmed">
                  {data.totals.weeklyCostOfLowValueWork > 0
                    ? `Doing low-value work yourself costs ${formatMoney(data.totals.weeklyCostOfLowValueWork, data.currency)} a week.`
                    : `From ${data.tasks.length} ${data.tasks.length === 1 ? "task" : "tasks"} in your audit.`}
                </Text>
              </Stack>
            )
          }
        </Loaded>
      </Card>
      <Card title="Budget left this month" to="/metrics?tab=budget" linkLabel="Budget and ROI">
        <Loaded query={budget}>
          {(data) =>
            data.plan.monthlyBudget === 0 ? (
              <Text size="sm">
                No budget set yet. Decide what you can spend on outsourcing each month and see what
                it returns.
              </Text>
            ) : (
              <Stack gap={4}>
                <Figure
                  value={formatMoney(Math.abs(data.budgetLeft), data.currency)}
                  unit={data.budgetLeft < 0 ? "over budget" : "left"}
                  testId="dashboard-budget-left"
                  color={data.budgetLeft < 0 ? "var(--mantine-color-error)" : undefined}
                />
                <Text size="sm" c="dimmed">
                  Of {formatMoney(data.plan.monthlyBudget, data.currency)} for{" "}
                  {formatMonth(data.month)}, after{" "}
                  {data.actualSpend === null ? "planned" : "actual"} spend of{" "}
                  {formatMoney(data.actualSpend ?? data.plannedSpend, data.currency)}.
                </Text>
              </Stack>
            )
          }
        </Loaded>
      </Card>
    </SimpleGrid>
  );
}
