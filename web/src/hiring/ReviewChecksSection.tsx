import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { Evaluation } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { addReviewCheck, removeEvidence } from "./api.ts";
import { RemoveEvidenceButton } from "./RemoveEvidenceButton.tsx";
import { useEvidence } from "./use-evidence.ts";

/** What strangers said about the candidate online, and where it was read. */
export function ReviewChecksSection({
  evaluation,
  editable,
}: {
  evaluation: Evaluation;
  editable: boolean;
}) {
  const ids = { candidacyId: evaluation.candidacy.id, openingId: evaluation.opening.id };
  const [source, setSource] = useState("");
  const [summary, setSummary] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useEvidence(ids, addReviewCheck, "Review check added.");
  const remove = useEvidence(ids, removeEvidence, "Review check removed.");

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (source.trim() === "") found.source = "Say where you read the reviews";
    if (summary.trim() === "") found.summary = "Sum up what they said";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { id: ids.candidacyId, source: source.trim(), summary: summary.trim() },
      {
        onSuccess: () => {
          setSource("");
          setSummary("");
        },
      },
    );
  }

  return (
    <SectionCard
      title="Online reviews"
      description="Reviews on freelance sites and elsewhere: where you read them and what they said."
    >
      {evaluation.reviewChecks.length === 0 && (
        <Text size="sm" c="dimmed">
          No reviews checked yet.
        </Text>
      )}
      {evaluation.reviewChecks.map((check) => (
        <Paper key={check.id} withBorder radius="sm" p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={600} size="sm">
                {check.source}
              </Text>
              <Text size="sm">{check.summary}</Text>
            </div>
            {editable && (
              <RemoveEvidenceButton
                label={`Remove the review check on ${check.source}`}
                onRemove={() =>
                  remove.mutate({ id: ids.candidacyId, kind: "review-checks", itemId: check.id })
                }
              />
            )}
          </Group>
        </Paper>
      ))}
      {editable && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormError error={add.error} inputs={["source", "summary"]} />
            <TextInput
              label="Where"
              placeholder="Upwork profile"
              value={source}
              onChange={(event) => setSource(event.currentTarget.value)}
              error={problems.source ?? fieldError(add.error, "source")}
            />
            <Textarea
              label="What the reviews said"
              autosize
              minRows={2}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              error={problems.summary ?? fieldError(add.error, "summary")}
            />
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={add.isPending}>
                Add review check
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
