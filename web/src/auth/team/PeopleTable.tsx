import { Badge, Group, Table, Text } from "@mantine/core";
import type { Person } from "../../../../src/auth/schema.ts";
import { useInstantFormat } from "../../app/dates.ts";
import { can, useMe } from "../session.ts";
import { PersonActions } from "./PersonActions.tsx";
import { RoleSelect } from "./RoleSelect.tsx";
import { roleNames } from "./roles.ts";

/** Everyone in the workspace; the owner can change roles and deactivate people here. */
export function PeopleTable({ people }: { people: Person[] }) {
  const me = useMe();
  const format = useInstantFormat();
  const manage = can(me, "people.manage");
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>Joined</Table.Th>
            <Table.Th>Status</Table.Th>
            {manage && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => {
            const editable = manage && person.role !== "owner" && person.id !== me.user.id;
            return (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                    {person.id === me.user.id && (
                      <Badge size="sm" variant="light" color="gray">
                        You
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{person.email}</Table.Td>
                <Table.Td>
                  {editable ? <RoleSelect person={person} /> : roleNames[person.role]}
                </Table.Td>
                <Table.Td>{person.timeZone}</Table.Td>
                <Table.Td>{format.date(person.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={person.active ? "teal" : "gray"}>
                    {person.active ? "Active" : "Deactivated"}
                  </Badge>
                </Table.Td>
                {manage && <Table.Td>{editable && <PersonActions person={person} />}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
