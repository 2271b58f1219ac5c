import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconStarFilled } from "@tabler/icons-react";
import { RATING_SIDES } from "../../../src/work/performance-schema.ts";
import type { RatingsInput } from "../../../src/work/performance-schema.ts";
import { useInstantFormat } from "../app/dates.ts";

/** Decisions on deliveries, newest first: accepted or sent back, the feedback and the ratings. */

export interface ShownDecision {
  key: string;
  decision: "accepted" | "sent_back";
  feedback: string | null;
  ratings: RatingsInput | null;
  decidedAt: number;
  /** What was delivered, when the list spans several deliveries. */
  title?: string;
  decidedByName?: string;
}

const sideLabels = { quality: "Quality", timeliness: "Timeliness", communication: "Communication" };

export function RatingsLine({ ratings }: { ratings: RatingsInput }) {
  return (
    <Group gap={6}>
      {RATING_SIDES.map((side) => (
        <Badge
          key={side}
          variant="default"
          leftSection={
            <IconStarFilled size={12} aria-hidden color="var(--mantine-color-orange-6)" />
          }
        >
          {sideLabels[side]} {ratings[side]} of 5
        </Badge>
      ))}
    </Group>
  );
}

export function DecisionBadge({ decision }: { decision: ShownDecision["decision"] }) {
  return decision === "accepted" ? (
    <Badge color="teal.9" variant="filled">
      Accepted
    </Badge>
  ) : (
    <Badge color="red.9" variant="filled">
      Sent back
    </Badge>
  );
}

export function DecisionList({ decisions }: { decisions: readonly ShownDecision[] }) {
  const format = useInstantFormat();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {decisions.map((item) => (
        <Paper key={item.key} component="li" withBorder p="sm" radius="sm">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" align="baseline">
              <Group gap="xs">
                <DecisionBadge decision={item.decision} />
                {item.title && (
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {item.decidedByName ? `${item.decidedByName}, ` : ""}
                {format.dateTime(item.decidedAt)}
              </Text>
            </Group>
            {item.ratings && <RatingsLine ratings={item.ratings} />}
            {item.feedback && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {item.feedback}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
