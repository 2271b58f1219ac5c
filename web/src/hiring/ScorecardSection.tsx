import { Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { Evaluation } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { saveScorecard, type Criterion } from "./api.ts";
import { ScoreBadge } from "./ScoreBadge.tsx";
import { ScoreControl } from "./ScoreControl.tsx";
import { useEvidence } from "./use-evidence.ts";

type Row = { criterion: Criterion; score: number | null; note: string };

/** Six criteria, each 1–5 with a note, weighted into one score; the weights are on the page. */
export function ScorecardSection({
  evaluation,
  editable,
}: {
  evaluation: Evaluation;
  editable: boolean;
}) {
  const ids = { candidacyId: evaluation.candidacy.id, openingId: evaluation.opening.id };
  const criteria = evaluation.scorecard.criteria;
  const [rows, setRows] = useState<Row[]>(() =>
    criteria.map(({ criterion, score, note }) => ({ criterion, score, note })),
  );
  const save = useEvidence(ids, saveScorecard, "Scorecard saved.");
  const change = (index: number, changes: Partial<Row>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...changes } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      id: ids.candidacyId,
      scores: rows.flatMap((row) =>
        row.score === null ? [] : [{ criterion: row.criterion, score: row.score, note: row.note }],
      ),
    });
  }

  return (
    <SectionCard
      title="Scorecard"
      description="Score what you have checked. The total weighs each criterion by the share shown; criteria not scored yet are left out."
      aside={<ScoreBadge score={evaluation.scorecard.score} size="lg" />}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} inputs={[]} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {criteria.map((criterion, index) => (
              <Stack key={criterion.criterion} gap={6}>
                <ScoreControl
                  label={`${criterion.label} (${criterion.weight} %)`}
                  description={`Weighs ${criterion.weight} % of the total`}
                  value={rows[index]?.score ?? null}
                  disabled={!editable}
                  onChange={(score) => change(index, { score })}
                />
                <TextInput
                  label={`Note on ${criterion.label.toLowerCase()}`}
                  size="xs"
                  readOnly={!editable}
                  value={rows[index]?.note ?? ""}
                  onChange={(event) => change(index, { note: event.currentTarget.value })}
                />
              </Stack>
            ))}
          </SimpleGrid>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Weights: {criteria.map((c) => `${c.label.toLowerCase()} ${c.weight} %`).join(", ")}.
            </Text>
            {editable && (
              <Button type="submit" loading={save.isPending}>
                Save scorecard
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
