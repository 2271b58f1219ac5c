import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconCheck, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { MAX_MILESTONES } from "../../../src/contracts/schema.ts";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { formatMoney } from "../app/money.ts";
import {
  blankMilestone,
  milestoneSum,
  sharesOf,
  splitStateByShares,
  splitStateEvenly,
  withEqualShares,
  type EditorState,
  type MilestoneDraft,
} from "./editor-state.ts";
import tone from "./tone.module.css";

/** Whether the milestones add up to the total, said as it is typed. */
function SumCheck({ state }: { state: EditorState }) {
  const { sum, total } = milestoneSum(state);
  if (sum === null || total === null) {
    return (
      <Text size="sm" c="dimmed" aria-live="polite">
        Enter the total and every milestone&apos;s amount; they must add up exactly.
      </Text>
    );
  }
  const money = (cents: number) => formatMoney(cents, state.currency);
  if (sum === total) {
    return (
      <Group gap={6} aria-live="polite">
        <IconCheck size={16} className={tone.good} aria-hidden />
        <Text size="sm" className={tone.good}>
          The milestones add up to the total, {money(total)}.
        </Text>
      </Group>
    );
  }
  const gap = total - sum;
  return (
    <Text size="sm" className={tone.bad} aria-live="polite">
      The milestones add up to {money(sum)}: {money(Math.abs(gap))}{" "}
      {gap > 0 ? "less than" : "more than"} the total of {money(total)}.
    </Text>
  );
}

export function MilestonesEditor({
  state,
  onChange,
  errorOf,
}: {
  state: EditorState;
  onChange: (state: EditorState) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const [byShares, setByShares] = useState(false);
  const [splitProblem, setSplitProblem] = useState<string>();
  const change = (index: number, next: Partial<MilestoneDraft>) =>
    onChange({
      ...state,
      milestones: state.milestones.map((m, at) => (at === index ? { ...m, ...next } : m)),
    });
  const shareTotal = state.milestones.reduce((sum, m) => sum + (Number(m.share) || 0), 0);

  function splitEvenly() {
    const next = splitStateEvenly(state);
    setSplitProblem(next ? undefined : "Enter the total first.");
    if (next) onChange(next);
  }

  function applyShares() {
    const next = splitStateByShares(state);
    setSplitProblem(
      next
        ? undefined
        : sharesOf(state) === null
          ? "Give every milestone a percentage, at least one above 0."
          : "Enter the total first.",
    );
    if (next) onChange(next);
  }

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={splitEvenly}>
          Split evenly
        </Button>
        <Button
          variant={byShares ? "light" : "default"}
          size="xs"
          aria-pressed={byShares}
          onClick={() => {
            if (!byShares) onChange(withEqualShares(state));
            setByShares(!byShares);
          }}
        >
          Split by percentages
        </Button>
      </Group>
      {splitProblem && (
        <Text size="sm" className={tone.bad} role="alert">
          {splitProblem}
        </Text>
      )}
      {errorOf("payment.milestones") && (
        <Alert color="red" p="xs">
          {errorOf("payment.milestones")}
        </Alert>
      )}
      {state.milestones.map((milestone, index) => {
        const number = index + 1;
        return (
          <Paper key={milestone.key} withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Text fw={600} size="sm">
                  Milestone {number}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove milestone ${number}`}
                  disabled={state.milestones.length === 1}
                  onClick={() =>
                    onChange({
                      ...state,
                      milestones: state.milestones.filter((_, at) => at !== index),
                    })
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <TextInput
                label={`Milestone ${number} title`}
                value={milestone.title}
                onChange={(event) => change(index, { title: event.currentTarget.value })}
                error={errorOf(`payment.milestones.${index}.title`)}
              />
              <Textarea
                label={`What is delivered for milestone ${number}`}
                autosize
                minRows={1}
                value={milestone.deliverable}
                onChange={(event) => change(index, { deliverable: event.currentTarget.value })}
                error={errorOf(`payment.milestones.${index}.deliverable`)}
              />
              <SimpleGrid cols={{ base: 1, xs: byShares ? 3 : 2 }}>
                <TextInput
                  type="date"
                  label={`Milestone ${number} due`}
                  value={milestone.dueDate}
                  onChange={(event) => change(index, { dueDate: event.currentTarget.value })}
                  error={errorOf(`payment.milestones.${index}.dueDate`)}
                />
                {byShares && (
                  <NumberInput
                    label={`Milestone ${number} share`}
                    suffix=" %"
                    min={0}
                    max={100}
                    decimalScale={2}
                    value={milestone.share}
                    onChange={(share) => change(index, { share })}
                  />
                )}
                <MoneyInput
                  label={`Milestone ${number} amount`}
                  currency={state.currency}
                  value={milestone.amount}
                  onChange={(amount) => change(index, { amount })}
                  error={errorOf(`payment.milestones.${index}.amount`)}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      <Group justify="space-between" gap="sm">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={state.milestones.length >= MAX_MILESTONES}
          onClick={() =>
            onChange({ ...state, milestones: [...state.milestones, blankMilestone()] })
          }
        >
          Add a milestone
        </Button>
        {byShares && (
          <Group gap="sm">
            <Text
              size="sm"
              c={Math.abs(shareTotal - 100) < 0.005 ? "dimmed" : undefined}
              className={Math.abs(shareTotal - 100) < 0.005 ? undefined : tone.bad}
            >
              Shares add up to {Number(shareTotal.toFixed(2))} %
            </Text>
            <Button size="xs" onClick={applyShares}>
              Apply percentages
            </Button>
          </Group>
        )}
      </Group>
      <SumCheck state={state} />
    </Stack>
  );
}
