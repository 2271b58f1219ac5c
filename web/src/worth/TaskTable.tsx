import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Area, AuditTask } from "../../../src/worth/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { RowActions } from "../app/components/RowActions.tsx";
import { SortableTh, useSorted } from "../app/components/SortableTh.tsx";
import { formatHours, formatMoney } from "../app/money.ts";
import { deleteTask, refreshWorth } from "./api.ts";
import { recommendations, recommendationStyle } from "./recommendations.ts";
import { TaskModal } from "./TaskModal.tsx";

type Column =
  "name" | "area" | "hours" | "skill" | "enjoyment" | "rate" | "recommendation" | "weeklyCost";

function sortKey(task: AuditTask, column: Column): string | number {
  switch (column) {
    case "name":
      return task.name;
    case "area":
      return task.areaName;
    case "hours":
      return task.hoursPerWeek;
    case "skill":
      return task.skill;
    case "enjoyment":
      return task.enjoyment;
    case "rate":
      return task.effectiveRate ?? -1;
    case "recommendation":
      return recommendations.indexOf(task.recommendation);
    case "weeklyCost":
      return task.weeklyCost;
  }
}

export function RecommendationBadge({
  recommendation,
}: {
  recommendation: AuditTask["recommendation"];
}) {
  const style = recommendationStyle[recommendation];
  return (
    <Badge color={style.color} variant="filled" radius="sm">
      {style.label}
    </Badge>
  );
}

/** Every task with what to do about it and why; sortable by any column. */
export function TaskTable({
  tasks,
  areas,
  currency,
  canEdit,
}: {
  tasks: AuditTask[];
  areas: Area[];
  currency: string;
  canEdit: boolean;
}) {
  const [sorted, sort, setSort] = useSorted<AuditTask, Column>(
    tasks,
    { column: "weeklyCost", descending: true },
    sortKey,
  );
  const th = (column: Column, label: string, align?: "right") => (
    <SortableTh column={column} sort={sort} onSort={setSort} align={align}>
      {label}
    </SortableTh>
  );
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>
          Your tasks and what to do about each. Press a column heading to sort by it.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {th("name", "Task")}
            {th("area", "Area")}
            {th("hours", "Hours/week", "right")}
            {th("skill", "Skill", "right")}
            {th("enjoyment", "Enjoyment", "right")}
            {th("rate", "Market rate", "right")}
            {th("recommendation", "Recommendation")}
            {th("weeklyCost", "Weekly cost", "right")}
            {canEdit && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((task) => (
            <Table.Tr key={task.id} data-testid="task-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {task.name}
                </Text>
                {(task.strategic || !task.needed) && (
                  <Text size="xs" c="dimmed">
                    {task.strategic ? "Only you can do it" : "No longer needed"}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{task.areaName}</Table.Td>
              <Table.Td ta="right">{formatHours(task.hoursPerWeek)}</Table.Td>
              <Table.Td ta="right">{task.skill} of 5</Table.Td>
              <Table.Td ta="right">{task.enjoyment} of 5</Table.Td>
              <Table.Td ta="right">
                {task.effectiveRate === null ? (
                  <Text size="sm" c="dimmed">
                    not set
                  </Text>
                ) : (
                  <Stack gap={2} align="flex-end">
                    <Text size="sm">{formatMoney(task.effectiveRate, currency)}/h</Text>
                    {task.rateIsEstimate && (
                      <Badge size="xs" variant="default">
                        estimate
                      </Badge>
                    )}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td miw={280} maw={420}>
                <Stack gap={4} align="flex-start">
                  <RecommendationBadge recommendation={task.recommendation} />
                  <Text size="sm">{task.reason}</Text>
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                {task.weeklyCost > 0 ? formatMoney(task.weeklyCost, currency) : "—"}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <TaskActions task={task} areas={areas} currency={currency} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskActions({
  task,
  areas,
  currency,
}: {
  task: AuditTask;
  areas: Area[];
  currency: string;
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: deleteTask,
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `“${task.name}” removed from the audit.` });
      refreshWorth(queryClient);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <RowActions
        changeLabel={`Change ${task.name}`}
        removeLabel={`Remove ${task.name}`}
        onChange={() => setEditing(true)}
        onRemove={() => setConfirming(true)}
      />
      <TaskModal
        opened={editing}
        onClose={() => setEditing(false)}
        task={task}
        areas={areas}
        currency={currency}
      />
      <ConfirmDialog
        opened={confirming}
        title={`Remove “${task.name}”?`}
        confirmLabel="Remove task"
        onConfirm={() => remove.mutate(task.id)}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        It leaves the audit and its totals. You can add it again later.
      </ConfirmDialog>
    </Group>
  );
}
