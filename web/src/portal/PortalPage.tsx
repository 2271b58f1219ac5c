import { Stack, Text } from "@mantine/core";
import { useMe } from "../auth/session.ts";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { ChecklistsCard, SharedProceduresCard } from "./PortalProcedures.tsx";
import { ProfileCard } from "./ProfileCard.tsx";

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
        <ChecklistsCard />
        <SharedProceduresCard />
        <ProfileCard />
        <SectionCard title="Your work">
          <Text>
            Your contracts, assignments and payments from {me.workspace.name} will appear here as
            soon as they are set up with you.
          </Text>
        </SectionCard>
      </Stack>
    </>
  );
}
