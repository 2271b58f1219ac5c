import { Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Workspace } from "../../../src/auth/schema.ts";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fetchWorkspace, workspaceKey } from "./api.ts";
import { WorkspaceForm } from "./WorkspaceForm.tsx";
import { PeopleSettingsCard } from "../people/PeopleSettingsCard.tsx";

function WorkspaceDetails({ workspace }: { workspace: Workspace }) {
  return (
    <Stack gap="sm">
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>Workspace name</Table.Th>
            <Table.Td>{workspace.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Td>{workspace.currency}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Time zone</Table.Th>
            <Table.Td>{workspace.timeZone}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        Only the owner can change these.
      </Text>
    </Stack>
  );
}

/** The workspace's name, currency and time zone: the owner edits, managers read. */
export function SettingsPage() {
  const me = useMe();
  const workspace = useQuery({ queryKey: workspaceKey, queryFn: fetchWorkspace });
  return (
    <>
      <PageHeader title="Settings">
        The details of your workspace: its name, the currency you pay people in, and the time zone
        the business runs on.
      </PageHeader>
      <Stack maw={760}>
        <SectionCard title="Workspace">
          <Loaded query={workspace}>
            {(current) =>
              can(me, "workspace.update") ? (
                <WorkspaceForm key={JSON.stringify(current)} workspace={current} />
              ) : (
                <WorkspaceDetails workspace={current} />
              )
            }
          </Loaded>
        </SectionCard>
        {can(me, "people.settings") && <PeopleSettingsCard />}
      </Stack>
    </>
  );
}
