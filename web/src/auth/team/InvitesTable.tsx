import { Badge, Table, Text } from "@mantine/core";
import type { InviteView } from "../../../../src/auth/schema.ts";
import { useInstantFormat } from "../../app/dates.ts";
import { can, useMe } from "../session.ts";
import { InviteActions } from "./InviteActions.tsx";
import { roleNames } from "./roles.ts";

const statuses: Record<InviteView["status"], { label: string; color: string }> = {
  pending: { label: "Waiting", color: "indigo" },
  accepted: { label: "Accepted", color: "teal" },
  revoked: { label: "Revoked", color: "gray" },
  expired: { label: "Expired", color: "orange" },
};

export function InvitesTable({ invites }: { invites: InviteView[] }) {
  const me = useMe();
  const format = useInstantFormat();
  const manage = can(me, "invites.manage");
  if (invites.length === 0) {
    return (
      <Text size="sm">
        {manage ? "No invitations yet. Invite someone with the form above." : "No invitations yet."}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Link works until</Table.Th>
            {manage && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invites.map((invite) => (
            <Table.Tr key={invite.id}>
              <Table.Td>{invite.email}</Table.Td>
              <Table.Td>{roleNames[invite.role]}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={statuses[invite.status].color}>
                  {statuses[invite.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>{invite.invitedBy}</Table.Td>
              <Table.Td>{format.date(invite.createdAt)}</Table.Td>
              <Table.Td>
                {invite.status === "pending" ? format.dateTime(invite.expiresAt) : "—"}
              </Table.Td>
              {manage && (
                <Table.Td>
                  <InviteActions invite={invite} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
