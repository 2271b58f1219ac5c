import { Button, Table } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { ProfileForm } from "../auth/account/ProfileForm.tsx";
import { useMe } from "../auth/session.ts";
import { roleNames } from "../auth/team/roles.ts";
import { SectionCard } from "../app/components/SectionCard.tsx";

/** The contractor's own details, as the workspace sees them, with a way to change them. */
export function ProfileCard() {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      title="Your profile"
      description="How the people you work with see you, and the time zone your deadlines are shown in."
      aside={
        !editing && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Edit profile
          </Button>
        )
      }
    >
      {editing ? (
        <ProfileForm onDone={() => setEditing(false)} />
      ) : (
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>Name</Table.Th>
              <Table.Td>{me.user.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Td>{me.user.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Time zone</Table.Th>
              <Table.Td>{me.user.timeZone}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>{roleNames[me.user.role]}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
