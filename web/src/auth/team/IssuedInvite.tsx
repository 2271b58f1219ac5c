import { Stack, Text } from "@mantine/core";
import type { IssuedInvite } from "../../../../src/auth/schema.ts";
import { CopyableText } from "../../app/components/CopyableText.tsx";
import { useInstantFormat } from "../../app/dates.ts";

/** A freshly issued invitation link, always shown so the owner can send it another way too. */
export function IssuedInviteLink({ issued }: { issued: IssuedInvite }) {
  const format = useInstantFormat();
  const { email, expiresAt } = issued.invite;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {issued.emailed
          ? `We're emailing this link to ${email}. You can also copy it and send it another way.`
          : `Email isn't set up on this server, so nothing was sent. Copy the link and send it to ${email} yourself.`}
      </Text>
      <CopyableText value={issued.link} copyLabel="Copy link" testId="invite-link" />
      <Text size="sm" c="dimmed">
        The link works once, until {format.dateTime(expiresAt)}. Sending a new link makes this one
        stop working.
      </Text>
    </Stack>
  );
}
