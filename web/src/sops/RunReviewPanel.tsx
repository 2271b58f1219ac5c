import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RunReviews } from "../../../src/sops/run-review-schema.ts";
import type { Run } from "../../../src/sops/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { can, useMe } from "../auth/session.ts";
import { DecisionList } from "../work/DecisionList.tsx";
import {
  DecisionFields,
  useDecisionDraft,
  type Decision,
  type DecisionWords,
} from "../work/DecisionFields.tsx";
import { acceptRun, refreshReviews, runReviewsQuery, sendBackRun } from "../work/review-api.ts";
import { runsKey } from "./api.ts";

/**
 * A handed-in checklist is a delivery: the owner or a manager accepts it with ratings, or
 * sends it back with feedback so the contractor fixes it and hands it in again.
 */

function DecisionForm({
  run,
  decision,
  onDone,
}: {
  run: Run;
  decision: Decision;
  onDone: () => void;
}) {
  const draft = useDecisionDraft(decision);
  const { accepting } = draft;
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (words: DecisionWords): Promise<RunReviews> =>
      accepting
        ? acceptRun({ runId: run.id, ...words })
        : sendBackRun({ runId: run.id, feedback: words.feedback }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: runsKey }),
        refreshReviews(queryClient),
      ]);
      notifications.show({
        message: accepting
          ? `${run.contractorName}'s checklist is accepted.`
          : `${run.contractorName}'s checklist is sent back with your feedback.`,
      });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const words = draft.check();
    if (words) decide.mutate(words);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={accepting ? "Accept the checklist" : "Send the checklist back"}
    >
      <Stack gap="sm">
        <DecisionFields draft={draft} error={decide.error} />
        <Group gap="sm">
          <Button type="submit" loading={decide.isPending}>
            {accepting ? "Accept checklist" : "Send back"}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Review({ run, reviews }: { run: Run; reviews: RunReviews }) {
  const me = useMe();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const mayReview = can(me, "work.review");
  return (
    <Stack gap="sm">
      {reviews.awaitingReview ? (
        <Text size="sm">Handed in and waiting for your review.</Text>
      ) : reviews.status === "accepted" ? (
        <Text size="sm">Accepted: this checklist is done.</Text>
      ) : reviews.reviews.length > 0 ? (
        <Text size="sm">
          Sent back: waiting for {run.contractorName} to fix it and hand it in again.
        </Text>
      ) : (
        <Text size="sm">Not handed in yet.</Text>
      )}
      {reviews.awaitingReview && mayReview && deciding === null && (
        <Group gap="sm">
          <Button onClick={() => setDeciding("accept")}>Accept and rate</Button>
          <Button variant="default" onClick={() => setDeciding("send-back")}>
            Send back
          </Button>
        </Group>
      )}
      {reviews.awaitingReview && mayReview && deciding !== null && (
        <DecisionForm run={run} decision={deciding} onDone={() => setDeciding(null)} />
      )}
      {reviews.reviews.length > 0 && (
        <DecisionList
          decisions={reviews.reviews.map((review) => ({ ...review, key: review.id }))}
        />
      )}
    </Stack>
  );
}

export function RunReviewPanel({ run }: { run: Run }) {
  const reviews = useQuery(runReviewsQuery(run.id));
  return (
    <Stack gap="xs" component="section" aria-labelledby={`review-${run.id}`}>
      <Title order={3} size="h5" id={`review-${run.id}`}>
        Review
      </Title>
      <Loaded query={reviews}>{(data) => <Review run={run} reviews={data} />}</Loaded>
    </Stack>
  );
}
