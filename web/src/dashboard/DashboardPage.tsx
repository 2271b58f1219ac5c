import { Grid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { IconSettings, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { can, useMe } from "../auth/session.ts";
import { fetchPeople, peopleKey } from "../auth/team/api.ts";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { BenchWarnings } from "./BenchWarnings.tsx";
import { NextStep } from "./NextStep.tsx";
import { TeamSummary } from "./TeamSummary.tsx";
import { WorthCards } from "./WorthCards.tsx";

/** What needs the owner today. Until there is work to watch: how to get started. */
export function DashboardPage() {
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const people = useQuery({ queryKey: peopleKey, queryFn: fetchPeople });
  const hasContractors = people.data?.some((person) => person.role === "contractor") ?? false;
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`}>
        This page answers "what needs me today?". As you hand off work, overdue milestones, missing
        reports, work waiting for your review, budget left and guardrail warnings will gather here.
      </PageHeader>
      <Stack gap="lg">
        {can(me, "worth.read") && can(me, "metrics.read") && <WorthCards />}
        {can(me, "contractors.read") && <BenchWarnings />}
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
                  <NextStep
                    icon={IconUserPlus}
                    to="/team"
                    label={
                      hasContractors ? "Invite another contractor" : "Invite your first contractor"
                    }
                  >
                    Send an invitation by email. They choose their own password and see only their
                    own work.
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
      </Stack>
    </>
  );
}
