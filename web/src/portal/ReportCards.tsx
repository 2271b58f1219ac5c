import { Button, Modal, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../app/api.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { assignmentsQuery, ownCadenceQuery } from "../work/api.ts";
import { AssignmentList } from "../work/AssignmentList.tsx";
import { CadenceCard } from "../work/CadenceCard.tsx";
import { ReportFeed } from "../work/ReportFeed.tsx";
import { ReportProgressForm } from "./ReportProgressForm.tsx";

/**
 * The contractor's side of the work: when their next report is due and why, the "Report
 * progress" form, the work assigned to them, and their reports with the owner's replies.
 */
export function ReportCards() {
  const cadence = useQuery({
    ...ownCadenceQuery,
    retry: (count, error) => !isApiError(error, 404) && count < 2,
  });
  const assignments = useQuery(assignmentsQuery());
  const [reporting, setReporting] = useState(false);
  const canReport = cadence.data?.reporting ?? false;
  return (
    <>
      <SectionCard
        title="Your progress reports"
        description="What you did, what is next and what is in your way, as often as your check-in rhythm asks."
        aside={
          canReport && (
            <Button size="xs" onClick={() => setReporting(true)}>
              Report progress
            </Button>
          )
        }
      >
        {cadence.isError && isApiError(cadence.error, 404) ? (
          <Text size="sm">Reports start once a contract is accepted.</Text>
        ) : (
          <Loaded query={cadence}>
            {(data) => <CadenceCard cadence={data} staffView={false} />}
          </Loaded>
        )}
        <ReportFeed
          filter={{}}
          staffView={false}
          empty="No reports sent yet. Your first one answers the report due next."
        />
      </SectionCard>
      <SectionCard title="Your assigned work" description="Mark work done when it is finished.">
        <Loaded query={assignments}>
          {(data) => (
            <AssignmentList
              assignments={data}
              staffView={false}
              empty="Nothing assigned to you right now."
            />
          )}
        </Loaded>
      </SectionCard>
      <Modal
        opened={reporting}
        onClose={() => setReporting(false)}
        title="Report progress"
        size="lg"
        centered
      >
        <Stack>
          <ReportProgressForm onDone={() => setReporting(false)} />
        </Stack>
      </Modal>
    </>
  );
}
