import { SimpleGrid, Stack, Text } from "@mantine/core";
import { PageHeader } from "../../app/components/PageHeader.tsx";
import { SectionCard } from "../../app/components/SectionCard.tsx";
import { CalendarFeedCard } from "../../notify/CalendarFeedCard.tsx";
import { NotificationPreferencesCard } from "../../notify/NotificationPreferencesCard.tsx";
import { useMe } from "../session.ts";
import { ApiTokensCard } from "./ApiTokensCard.tsx";
import { PasswordForm } from "./PasswordForm.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { SessionsCard } from "./SessionsCard.tsx";

/** The signed-in person's own account: profile, password, devices and API tokens. */
export function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Account">
        Your own details and sign-in. You are signed in as{" "}
        <Text span fw={600} c="var(--mantine-color-text)">
          {me.user.email}
        </Text>
        .
      </PageHeader>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SectionCard title="Profile" description="How you appear to others in the workspace.">
            <ProfileForm />
          </SectionCard>
          <SectionCard
            title="Password"
            description="Forgot it? Sign out and use “Forgot password?” on the sign-in page."
          >
            <PasswordForm />
          </SectionCard>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <NotificationPreferencesCard />
          <CalendarFeedCard />
        </SimpleGrid>
        <SessionsCard />
        <ApiTokensCard />
      </Stack>
    </>
  );
}
