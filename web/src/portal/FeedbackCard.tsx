import { Button, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { OwnFeedback } from "../../../src/work/performance-schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { DecisionList } from "../work/DecisionList.tsx";
import { percentText, ratingText, ratioWords } from "../work/PerformanceCard.tsx";
import { ownFeedbackQuery } from "../work/review-api.ts";

/** What the contractor's reviewers said about each delivery, and their own averages: nobody else's. */

const FIRST_SHOWN = 5;

function Feedback({ feedback }: { feedback: OwnFeedback }) {
  const [all, setAll] = useState(false);
  const { averages, items } = feedback;
  if (items.length === 0) {
    return (
      <Text size="sm">
        No feedback yet. When your work is accepted or sent back, what the reviewer said shows here.
      </Text>
    );
  }
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <StatCard
          size="md"
          label="Your average"
          value={ratingText(averages.overall)}
          note={`${averages.rated} rated`}
        />
        <StatCard size="md" label="Quality" value={ratingText(averages.quality)} />
        <StatCard size="md" label="Timeliness" value={ratingText(averages.timeliness)} />
        <StatCard size="md" label="Communication" value={ratingText(averages.communication)} />
      </SimpleGrid>
      <Text size="sm">
        Sent back: {percentText(feedback.sentBack)} (
        {ratioWords(feedback.sentBack, "deliveries reviewed")}).
      </Text>
      <DecisionList
        decisions={shown.map((item) => ({ ...item, key: `${item.deliveryId}-${item.decidedAt}` }))}
      />
      {items.length > FIRST_SHOWN && (
        <Button variant="subtle" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? "Show only the latest" : `Show all ${items.length}`}
        </Button>
      )}
    </Stack>
  );
}

export function FeedbackCard() {
  const feedback = useQuery(ownFeedbackQuery);
  return (
    <SectionCard
      title="Feedback"
      description="What your reviewers said about your work, newest first, and your average ratings."
    >
      <Loaded query={feedback}>{(data) => <Feedback feedback={data} />}</Loaded>
    </SectionCard>
  );
}
