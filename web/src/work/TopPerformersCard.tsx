import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconGift, IconTrendingUp } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { TopPerformerView } from "../../../src/work/performance-schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { can, useMe } from "../auth/session.ts";
import { percentText, ratingText } from "./PerformanceCard.tsx";
import { topPerformersQuery } from "./review-api.ts";

/**
 * Reward top performers (seed 001) and give the good ones more work (seed 003): the
 * reliable people, best first, each with one suggested reward; a bonus opens the ledger's
 * bonus for them, a raise their page, where their rate is set.
 */

const rewardLabels: Record<TopPerformerView["suggestion"]["kind"], string> = {
  more_work: "More work",
  raise: "A raise",
  bonus: "A bonus",
};

/** The ledger's bonus, with them preselected by id: the Payments page shows who it is. */
const bonusHref = (performer: TopPerformerView) =>
  `/payments?${new URLSearchParams({ bonus: performer.contractorId }).toString()}`;

function Performer({
  performer,
  mayPay,
  mayRaise,
}: {
  performer: TopPerformerView;
  mayPay: boolean;
  mayRaise: boolean;
}) {
  const { numbers } = performer;
  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="baseline">
          <Text fw={700}>
            {performer.rank}.{" "}
            <Anchor component={Link} to={`/people/${performer.contractorId}`}>
              {performer.contractorName}
            </Anchor>
          </Text>
          <Badge variant="filled" color="grape.9">
            {rewardLabels[performer.suggestion.kind]}
          </Badge>
        </Group>
        <Text size="sm">
          {percentText(numbers.onTime)} on time · rated {ratingText(numbers.ratings.overall)} ·{" "}
          {numbers.accepted} accepted
        </Text>
        <Text size="sm">{performer.suggestion.words}</Text>
        <Text size="xs" c="dimmed">
          {performer.why}
        </Text>
        {performer.suggestion.kind === "bonus" && mayPay && (
          <Group>
            <Button
              component={Link}
              to={bonusHref(performer)}
              size="xs"
              variant="default"
              leftSection={<IconGift size={14} aria-hidden />}
            >
              Give {performer.contractorName} a bonus
            </Button>
          </Group>
        )}
        {performer.suggestion.kind === "raise" && mayRaise && (
          <Group>
            <Button
              component={Link}
              to={`/people/${performer.contractorId}`}
              size="xs"
              variant="default"
              leftSection={<IconTrendingUp size={14} aria-hidden />}
            >
              Review {performer.contractorName}&apos;s rate
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function TopPerformersCard() {
  const me = useMe();
  const top = useQuery(topPerformersQuery);
  const mayPay = can(me, "payments.manage");
  // A raise is a new rate, set on the person's page.
  const mayRaise = can(me, "contractors.manage");
  return (
    <SectionCard
      title="Top performers"
      description={
        top.data
          ? `Reliable over the last ${top.data.windowDays} days: on time, accepted, nothing sent back. Best rated first.`
          : "Reliable people, best rated first."
      }
    >
      <Loaded query={top}>
        {(data) =>
          data.performers.length === 0 ? (
            <Text size="sm">
              Nobody has a reliable record yet. People appear here once their reports are on time
              and their work is accepted without a send-back.
            </Text>
          ) : (
            <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
              {data.performers.map((performer) => (
                <Performer
                  key={performer.contractorId}
                  performer={performer}
                  mayPay={mayPay}
                  mayRaise={mayRaise}
                />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </SectionCard>
  );
}
