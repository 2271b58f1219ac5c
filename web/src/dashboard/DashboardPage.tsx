import { EmptyState, Grid, Paper, SimpleGrid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconChecklist,
  IconCircleCheck,
  IconSignature,
  IconMessageOff,
  IconSettings,
  IconUserPlus,
  IconUsers,
  IconWallet,
} from "@tabler/icons-react";
import type { Dashboard } from "../../../src/dashboard/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { can, useMe } from "../auth/session.ts";
import { ActionItems } from "./ActionItems.tsx";
import { dashboardQuery } from "./api.ts";
import { NextStep } from "./NextStep.tsx";
import { TeamSummary } from "./TeamSummary.tsx";
import { WorthCards } from "./WorthCards.tsx";

function NextSteps({ gettingStarted }: { gettingStarted: boolean }) {
  const me = useMe();
  if (!gettingStarted) return null;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <SectionCard
          title="Next steps"
          description={`A few things to set up so ${me.workspace.name} is ready to hand off work.`}
        >
          <Stack gap="lg">
            {can(me, "workspace.update") && (
              <NextStep icon={IconSettings} to="/settings" label="Set your workspace details">
                Check the name, the currency you pay people in and your business's time zone.
              </NextStep>
            )}
            {can(me, "invites.manage") ? (
              <NextStep icon={IconUserPlus} to="/team" label="Invite your first contractor">
                Send an invitation by email. They choose their own password and see only their own
                work.
              </NextStep>
            ) : (
              <NextStep icon={IconUsers} to="/team" label="Meet the team">
                See who works in this workspace and who has been invited.
              </NextStep>
            )}
          </Stack>
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <TeamSummary />
      </Grid.Col>
    </Grid>
  );
}

function AllClear() {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="all-clear">
      <EmptyState variant="light" size="lg" maw={620} mx="auto" py="md">
        <EmptyState.Indicator>
          <IconCircleCheck size={28} />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>All clear</EmptyState.Title>
        <EmptyState.Description>
          Nothing needs you today: every report is in, no work is late or waiting for you, and no
          guardrail has tripped. New items appear here as soon as they do.
        </EmptyState.Description>
      </EmptyState>
    </Paper>
  );
}

/** The lists of what needs someone, each hidden while it is empty. */
function Needs({ today }: { today: Dashboard }) {
  const overBudget = today.budget !== null && today.budget.left < 0 ? today.budget : null;
  const sections = [
    {
      title: "Reports missing",
      description: "The latest progress report did not come in on time.",
      icon: IconMessageOff,
      color: "red",
      items: today.reportsMissing,
    },
    {
      title: "Milestones due or overdue",
      description: "Due within two days on the contractor's own clock, overdue first.",
      icon: IconCalendarDue,
      color: "orange",
      items: today.milestonesDue.map((item) => ({
        ...item,
        flag: item.overdue ? "Overdue" : undefined,
      })),
    },
    {
      title: "Waiting for your review",
      description: "Accept it, or send it back with what to change.",
      icon: IconChecklist,
      color: "blue",
      items: today.awaitingReview,
    },
    {
      title: "Contracts waiting for acceptance",
      description: "Sent, and not accepted yet.",
      icon: IconSignature,
      color: "grape",
      items: today.awaitingAcceptance,
    },
    {
      title: "Guardrail warnings",
      description: "Risks to the business, each with one thing to do about it.",
      icon: IconAlertTriangle,
      color: "red",
      items: today.guardrails.map((warning) => ({
        key: warning.key,
        title: warning.title,
        reason: warning.reason,
        href: warning.action.href,
        actionLabel: warning.action.label,
      })),
    },
    {
      title: "Budget",
      description: "What you meant to spend on outsourcing this month.",
      icon: IconWallet,
      color: "red",
      items: overBudget
        ? [
            {
              key: "budget",
              title: "Over budget this month",
              reason: overBudget.reason,
              href: overBudget.href,
            },
          ]
        : [],
    },
  ].filter((section) => section.items.length > 0);
  // Before anyone is there to hand work to, "all clear" would say nothing: next steps do.
  if (sections.length === 0) return today.gettingStarted ? null : <AllClear />;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" data-testid="needs-today">
      {sections.map((section) => (
        <SectionCard key={section.title} title={section.title} description={section.description}>
          <ActionItems items={section.items} icon={section.icon} color={section.color} />
        </SectionCard>
      ))}
    </SimpleGrid>
  );
}

/** What needs the owner or a manager today, each item one click from acting on it. */
export function DashboardPage() {
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const today = useQuery(dashboardQuery);
  return (
    <>
      <PageHeader title={`What needs you today, ${firstName}`}>
        Missing reports, work due or waiting for you, contracts not yet accepted and guardrail
        warnings, each one click from acting on it.
      </PageHeader>
      <Stack gap="lg">
        <Loaded query={today}>
          {(data) => (
            <>
              <Needs today={data} />
              <NextSteps gettingStarted={data.gettingStarted} />
            </>
          )}
        </Loaded>
        {can(me, "worth.read") && can(me, "metrics.read") && <WorthCards />}
      </Stack>
    </>
  );
}
