import { Button, Grid, Group, NativeSelect, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { can, useMe } from "../auth/session.ts";
import { assignmentsQuery, cadencesQuery } from "./api.ts";
import { AssignmentList } from "./AssignmentList.tsx";
import { AssignWorkModal } from "./AssignWorkModal.tsx";
import { CadenceCard } from "./CadenceCard.tsx";
import { ReportFeed } from "./ReportFeed.tsx";
import { TopPerformersCard } from "./TopPerformersCard.tsx";

/**
 * The owner's view of the work as it happens: everyone's progress reports in one feed, the
 * work assigned to them, and how often each person reports and why.
 */
export function WorkPage() {
  const me = useMe();
  const manages = can(me, "work.manage");
  const cadences = useQuery(cadencesQuery);
  const [contractorId, setContractorId] = useState("");
  const [openBlockers, setOpenBlockers] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const assignments = useQuery(assignmentsQuery({ contractorId: contractorId || undefined }));
  const people = cadences.data ?? [];
  const shown = people.filter((cadence) => !contractorId || cadence.contractorId === contractorId);

  return (
    <>
      <PageHeader title="Work">
        Progress reports, assigned work and each person's check-in rhythm: daily at first, weekly
        once they have earned your trust.
      </PageHeader>
      <Stack gap="lg">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label="Contractor"
            value={contractorId}
            onChange={(event) => setContractorId(event.currentTarget.value)}
            data={[
              { value: "", label: "Everyone" },
              ...people.map((cadence) => ({
                value: cadence.contractorId,
                label: cadence.contractorName,
              })),
            ]}
            w={{ base: "100%", xs: 260 }}
          />
          <Switch
            label="Only open blockers"
            checked={openBlockers}
            onChange={(event) => setOpenBlockers(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard
              title="Progress reports"
              description="Newest first. Reply or resolve a blocker right here."
            >
              <ReportFeed
                filter={{ contractorId: contractorId || undefined, openBlockers }}
                staffView
                empty={
                  openBlockers
                    ? "No open blockers. Nobody is waiting on you."
                    : "No reports yet. They arrive here as soon as someone under an active contract sends one."
                }
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <TopPerformersCard />
              <SectionCard
                title="Assigned work"
                aside={
                  manages && (
                    <Button size="xs" onClick={() => setAssigning(true)}>
                      Assign work
                    </Button>
                  )
                }
              >
                <Loaded query={assignments}>
                  {(data) => (
                    <AssignmentList
                      assignments={data}
                      staffView
                      empty="Nothing assigned yet. Assign a task from your audit or a procedure under an active contract."
                    />
                  )}
                </Loaded>
              </SectionCard>
              <SectionCard
                title="Check-ins"
                description="Each cadence follows the person's record; pin it to decide yourself."
              >
                <Loaded query={cadences}>
                  {() =>
                    shown.length === 0 ? (
                      <Text size="sm">Nobody has an active contract yet.</Text>
                    ) : (
                      <SimpleGrid cols={1} spacing="md">
                        {shown.map((cadence) => (
                          <CadenceCard
                            key={cadence.contractorId}
                            cadence={cadence}
                            staffView={manages}
                          />
                        ))}
                      </SimpleGrid>
                    )
                  }
                </Loaded>
              </SectionCard>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      {manages && <AssignWorkModal opened={assigning} onClose={() => setAssigning(false)} />}
    </>
  );
}
