import { Alert, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconChecklist,
  IconClipboardList,
  IconMessageReport,
  IconRotate,
} from "@tabler/icons-react";
import type { PortalToday } from "../../../src/dashboard/schema.ts";
import { dateInWords } from "../../../src/time/working-day.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatMoneyFixed } from "../app/money.ts";
import { ActionItems, type ActionItem } from "../dashboard/ActionItems.tsx";
import { portalTodayQuery } from "../dashboard/api.ts";

function NextReport({ report }: { report: NonNullable<PortalToday["report"]> }) {
  const when = `${dateInWords(report.dueDate)}, ${report.time} your time (${report.timeZone})`;
  return (
    <Stack gap="xs">
      {report.missedLast && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
          Your last progress report did not come in. Send one below to catch up.
        </Alert>
      )}
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconMessageReport size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={2}>
          <Text fw={600}>
            Next progress report ({report.cadence}): due {when}
          </Text>
          <Text size="sm" c="dimmed">
            {report.explanation}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}

function Part({
  title,
  items,
  icon,
  color,
}: {
  title: string;
  items: readonly ActionItem[];
  icon: typeof IconRotate;
  color: string;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {title}
      </Title>
      <ActionItems items={items} icon={icon} color={color} />
    </Stack>
  );
}

const overdueFlag = <T extends { overdue: boolean }>(item: T) => ({
  ...item,
  flag: item.overdue ? "Overdue" : undefined,
});

/** The top of a contractor's portal: what is due from them, soonest first, and their pay so far. */
export function TodayCard() {
  const today = useQuery(portalTodayQuery);
  return (
    <SectionCard title="Due from you" description="What to hand in next, soonest first.">
      <Loaded query={today}>
        {(data) => {
          const nothingDue =
            data.milestones.length +
              data.assignments.length +
              data.sentBack.length +
              data.runs.length ===
            0;
          return (
            <Stack gap="lg">
              {data.report && <NextReport report={data.report} />}
              {nothingDue ? (
                <Text size="sm" data-testid="nothing-due">
                  No milestones, assigned work or checklists are due from you this week.
                </Text>
              ) : (
                <>
                  <Part
                    title="Sent back to fix"
                    items={data.sentBack}
                    icon={IconRotate}
                    color="red"
                  />
                  <Part
                    title="Milestones"
                    items={data.milestones.map(overdueFlag)}
                    icon={IconCalendarDue}
                    color="orange"
                  />
                  <Part
                    title="Assigned work"
                    items={data.assignments.map(overdueFlag)}
                    icon={IconClipboardList}
                    color="blue"
                  />
                  <Part
                    title="Checklists to finish"
                    items={data.runs}
                    icon={IconChecklist}
                    color="teal"
                  />
                </>
              )}
              {data.payments.length > 0 && (
                <Text size="sm" data-testid="today-payments">
                  {data.payments
                    .map(
                      (line) =>
                        `Owed to you ${formatMoneyFixed(line.owed, line.currency)}, paid so far ${formatMoneyFixed(line.paid, line.currency)}`,
                    )
                    .join("; ")}
                  . Every payment is listed under Your payments.
                </Text>
              )}
            </Stack>
          );
        }}
      </Loaded>
    </SectionCard>
  );
}
