import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { Area, Audit, BarterSkill } from "../../../src/worth/schema.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { formatHours, formatMoney } from "../app/money.ts";
import { AreasEditor } from "./AreasEditor.tsx";
import { BarterSkillsEditor } from "./BarterSkillsEditor.tsx";
import { recommendations, recommendationStyle, type Recommendation } from "./recommendations.ts";
import { TaskModal } from "./TaskModal.tsx";
import { TasksCsv } from "./TasksCsv.tsx";
import { TaskTable } from "./TaskTable.tsx";

const all = "all";

/** The totals the owner acts on, the task list, and the lists behind it (areas, skills). */
export function TaskAuditPanel({
  audit,
  areas,
  skills,
  canEdit,
}: {
  audit: Audit;
  areas: Area[];
  skills: BarterSkill[];
  canEdit: boolean;
}) {
  const { currency, totals } = audit;
  const [adding, setAdding] = useState(false);
  const [areaFilter, setAreaFilter] = useState(all);
  const [recommendationFilter, setRecommendationFilter] = useState(all);
  const shown = audit.tasks.filter(
    (task) =>
      (areaFilter === all || task.areaId === areaFilter) &&
      (recommendationFilter === all || task.recommendation === recommendationFilter),
  );
  const usedAreas = areas.filter((area) => audit.tasks.some((task) => task.areaId === area.id));

  return (
    <Stack gap="lg">
      {audit.hourlyValue === null && (
        <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Work out your{" "}
          <Anchor component={Link} to="/worth">
            hourly value
          </Anchor>{" "}
          first: a task is worth handing off when it costs less than your hour.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard
          label="Hours a week you could free"
          value={formatHours(totals.freeableHoursPerWeek)}
          note="Tasks to delegate, barter or stop doing"
          testId="freeable-hours"
        />
        <StatCard
          label="Monthly cost to delegate"
          value={formatMoney(totals.monthlyDelegationCost, currency)}
          note="The tasks marked delegate, at their market rates (52 weeks ÷ 12)"
          testId="monthly-delegation-cost"
        />
        <StatCard
          label="Weekly cost of doing low-value work"
          value={formatMoney(totals.weeklyCostOfLowValueWork, currency)}
          note="Hours × (your hourly value − market rate), where that is positive"
          testId="weekly-cost"
        />
      </SimpleGrid>

      <SectionCard
        title="Your tasks"
        description="Every recurring task, what it would cost to have done, and what to do about it."
        aside={
          canEdit && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              Add task
            </Button>
          )
        }
      >
        {audit.tasks.length === 0 ? (
          <Text size="sm">
            No tasks yet. List everything you do in a normal week — answering emails, writing,
            bookkeeping — with the hours each takes, and each gets a recommendation.
          </Text>
        ) : (
          <>
            <Group gap="md" align="flex-end">
              <NativeSelect
                label="Area"
                value={areaFilter}
                onChange={(event) => setAreaFilter(event.currentTarget.value)}
                data={[
                  { value: all, label: "All areas" },
                  ...usedAreas.map((area) => ({ value: area.id, label: area.name })),
                ]}
                w={180}
              />
              <NativeSelect
                label="Recommendation"
                value={recommendationFilter}
                onChange={(event) => setRecommendationFilter(event.currentTarget.value)}
                data={[
                  { value: all, label: "All recommendations" },
                  ...recommendations.map((value: Recommendation) => ({
                    value,
                    label: recommendationStyle[value].label,
                  })),
                ]}
                w={200}
              />
              <Text size="sm" c="dimmed" role="status" pb={8}>
                {shown.length === audit.tasks.length
                  ? `${audit.tasks.length} ${audit.tasks.length === 1 ? "task" : "tasks"}`
                  : `${shown.length} of ${audit.tasks.length} tasks`}
              </Text>
            </Group>
            {shown.length === 0 ? (
              <Text size="sm">No task matches these filters.</Text>
            ) : (
              <TaskTable tasks={shown} areas={areas} currency={currency} canEdit={canEdit} />
            )}
          </>
        )}
        <TasksCsv canEdit={canEdit} />
      </SectionCard>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionCard
            title="Areas and estimated rates"
            description={`What an hour of each kind of work typically costs to have done, in ${currency}. These are estimates to start from: a task's own market rate wins.`}
          >
            <AreasEditor areas={areas} currency={currency} canEdit={canEdit} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard
            title="Skills you can trade"
            description="A task you're weak at, that costs too much to buy, can be bartered for one of these."
          >
            <BarterSkillsEditor skills={skills} canEdit={canEdit} />
          </SectionCard>
        </Grid.Col>
      </Grid>

      <TaskModal
        opened={adding}
        onClose={() => setAdding(false)}
        areas={areas}
        currency={currency}
      />
    </Stack>
  );
}
