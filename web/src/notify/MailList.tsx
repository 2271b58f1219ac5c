import { Accordion, Badge, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { OutboxMessage } from "../../../src/notify/schema.ts";
import { CopyableText } from "../app/components/CopyableText.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fetchOutbox, outboxKey } from "./api.ts";

const statuses: Record<OutboxMessage["status"], { label: string; color: string }> = {
  pending: { label: "Sending", color: "indigo" },
  sent: { label: "Sent", color: "teal" },
  failed: { label: "Failed", color: "red" },
  kept: { label: "Kept here", color: "gray" },
};

function MailItem({ message }: { message: OutboxMessage }) {
  const format = useInstantFormat();
  const status = statuses[message.status];
  return (
    <Accordion.Item value={message.id}>
      <Accordion.Control>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Text fw={600} truncate="end">
              {message.subject}
            </Text>
            <Text size="sm" c="dimmed" truncate="end">
              To {message.to} · {format.dateTime(message.createdAt)}
            </Text>
          </Stack>
          <Badge variant="dot" color={status.color} style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <CopyableText value={message.body} copyLabel="Copy message" />
          <Text size="sm" c="dimmed">
            {message.sentAt !== null
              ? `Sent ${format.dateTime(message.sentAt)}.`
              : message.status === "kept"
                ? "Not sent: email isn't set up on this server."
                : `Not sent yet${message.attempts > 0 ? ` after ${message.attempts} attempts` : ""}.`}
            {message.lastError && ` Last error: ${message.lastError}`}
          </Text>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** What Handoff sent, or kept when no mail server is set up, so nothing is lost. */
export function MailList() {
  const outbox = useQuery({ queryKey: outboxKey, queryFn: fetchOutbox });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720}>
        Every email Handoff sent for this workspace, newest first. When email isn't set up on the
        server, messages are kept here instead: open one to copy its link and pass it on.
      </Text>
      <Loaded query={outbox}>
        {(messages) =>
          messages.length === 0 ? (
            <Text size="sm">No mail yet. Invitations and password resets will show up here.</Text>
          ) : (
            <Accordion variant="separated" chevronPosition="left">
              {messages.map((message) => (
                <MailItem key={message.id} message={message} />
              ))}
            </Accordion>
          )
        }
      </Loaded>
    </Stack>
  );
}
