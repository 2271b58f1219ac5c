import { Alert, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconMessage2 } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { RunReviews } from "../../../src/sops/run-review-schema.ts";
import type { Run } from "../../../src/sops/schema.ts";
import { DecisionList, RatingsLine } from "../work/DecisionList.tsx";
import { runReviewsQuery } from "../work/review-api.ts";

/** What the reviewer said about the contractor's checklist: what to fix, or that it is accepted. */

function Latest({ run, reviews }: { run: Run; reviews: RunReviews }) {
  const [latest, ...earlier] = reviews.reviews;
  if (!latest) return null;
  const sentBack = latest.decision === "sent_back";
  return (
    <Stack gap="sm" data-testid="run-feedback">
      <Alert
        color={sentBack ? "indigo" : "teal"}
        variant="light"
        title={sentBack ? "Sent back: what to change" : "Accepted"}
        icon={sentBack ? <IconMessage2 aria-hidden /> : <IconCircleCheck aria-hidden />}
      >
        <Stack gap="xs">
          {latest.feedback && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {latest.feedback}
            </Text>
          )}
          {latest.ratings && <RatingsLine ratings={latest.ratings} />}
          {sentBack && run.status === "open" && (
            <Text size="sm">
              Fix what it asks (untick and tick steps again as you go), then hand it in again.
            </Text>
          )}
          <Text size="xs">From {latest.decidedByName}</Text>
        </Stack>
      </Alert>
      {earlier.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Earlier feedback
          </Text>
          <DecisionList decisions={earlier.map((review) => ({ ...review, key: review.id }))} />
        </Stack>
      )}
    </Stack>
  );
}

export function RunFeedback({ run }: { run: Run }) {
  const reviews = useQuery({ ...runReviewsQuery(run.id), enabled: run.submittedAt !== null });
  return reviews.data ? <Latest run={run} reviews={reviews.data} /> : null;
}
