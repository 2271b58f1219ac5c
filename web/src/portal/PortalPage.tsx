import { Stack } from "@mantine/core";
import { useMe } from "../auth/session.ts";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { PortalContractsCard } from "./PortalContracts.tsx";
import { PortalPayments } from "../ledger/PortalPayments.tsx";
import { ChecklistsCard, SharedProceduresCard } from "./PortalProcedures.tsx";
import { ProfileCard } from "./ProfileCard.tsx";
import { ReportCards } from "./ReportCards.tsx";
import { FeedbackCard } from "./FeedbackCard.tsx";
import { TodayCard } from "./TodayCard.tsx";

/** A contractor's home: their checklists, the procedures shared with them, their profile; contracts, work and payments as they come. */
export function PortalPage() {
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  return (
    <>
      <PageHeader title={`Hello, ${firstName}`}>
        This is your place in {me.workspace.name}.
      </PageHeader>
      <Stack gap="lg">
        <TodayCard />
        <PortalContractsCard />
        <ReportCards />
        <FeedbackCard />
        <PortalPayments />
        <ChecklistsCard />
        <SharedProceduresCard />
        <ProfileCard />
      </Stack>
    </>
  );
}
