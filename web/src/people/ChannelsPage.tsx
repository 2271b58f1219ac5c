import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Channel } from "../../../src/people/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { RowActions } from "../app/components/RowActions.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { can, useMe } from "../auth/session.ts";
import {
  channelsKey,
  createChannel,
  deleteChannel,
  fetchChannels,
  refreshDirectory,
  updateChannel,
  type ChannelForm,
} from "./api.ts";
import { ChannelAnalyticsPanel } from "./ChannelAnalyticsPanel.tsx";

const percent = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function ChannelModal({ channel, onClose }: { channel: Channel | "new"; onClose: () => void }) {
  const queryClient = useQueryClient();
  const existing = channel === "new" ? undefined : channel;
  const [name, setName] = useState(existing?.name ?? "");
  const [fee, setFee] = useState<number | string>(existing ? existing.feeBasisPoints / 100 : 0);
  const [archived, setArchived] = useState(existing?.archived ?? false);
  const save = useMutation({
    mutationFn: (input: ChannelForm) =>
      existing ? updateChannel({ id: existing.id, ...input }) : createChannel(input),
    onSuccess: (saved) => {
      refreshDirectory(queryClient);
      notifications.show({ message: `${saved.name} saved.` });
      onClose();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      name: name.trim(),
      feeBasisPoints: Math.round((typeof fee === "number" ? fee : 0) * 100),
      archived,
    });
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={existing ? `Change ${existing.name}` : "Add a channel"}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={save.error} inputs={["name", "feeBasisPoints"]} />
          <TextInput
            label="Name"
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(save.error, "name")}
          />
          <NumberInput
            label="Fee (%)"
            description="What the channel takes of what you pay, such as 10 for Upwork's 10 %"
            min={0}
            max={100}
            decimalScale={2}
            allowNegative={false}
            value={fee}
            onChange={setFee}
            error={fieldError(save.error, "feeBasisPoints")}
          />
          {existing && (
            <Switch
              label="Archived"
              description="Hidden when adding people; kept for the people who came through it"
              checked={archived}
              onChange={(event) => setArchived(event.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {existing ? "Save channel" : "Add channel"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ChannelTable({ channels, canEdit }: { channels: Channel[]; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Channel | "new" | null>(null);
  const [removing, setRemoving] = useState<Channel | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteChannel(id),
    onSuccess: () => {
      refreshDirectory(queryClient);
      notifications.show({ message: `${removing?.name ?? "The channel"} deleted.` });
      setRemoving(null);
    },
  });
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>Fee</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>People</Table.Th>
              {canEdit && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {channels.map((channel) => (
              <Table.Tr key={channel.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {channel.name}
                    </Text>
                    {channel.archived && (
                      <Badge color="gray" variant="light" radius="sm">
                        Archived
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: "right" }}>
                  {percent.format(channel.feeBasisPoints / 100)} %
                </Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{channel.people}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <RowActions
                      changeLabel={`Change ${channel.name}`}
                      removeLabel={`Delete ${channel.name}`}
                      onChange={() => setEditing(channel)}
                      onRemove={() => {
                        remove.reset();
                        setRemoving(channel);
                      }}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            Add a channel
          </Button>
        </Group>
      )}
      {editing && <ChannelModal channel={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={`Delete ${removing?.name ?? "channel"}?`}
        confirmLabel="Delete channel"
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
        pending={remove.isPending}
        error={remove.error}
      >
        {removing && removing.people > 0
          ? `${removing.people} ${removing.people === 1 ? "person" : "people"} came through it, so it cannot be deleted; archive it instead.`
          : "Nobody came through it yet, so nothing is lost."}
      </ConfirmDialog>
    </Stack>
  );
}

/** Where people come from, what each channel charges, and how well each one works. */
export function ChannelsPage() {
  const me = useMe();
  const channels = useQuery({ queryKey: channelsKey, queryFn: fetchChannels });
  return (
    <>
      <Anchor component={Link} to="/people" size="sm">
        ← All people
      </Anchor>
      <PageHeader title="Channels">
        Where you find people: referrals, your own network, search engines and freelance sites. Set
        each one&apos;s fee; archive a channel you no longer use.
      </PageHeader>
      <Stack gap="lg" maw={960}>
        <SectionCard title="Your channels">
          <Loaded query={channels}>
            {(list) => <ChannelTable channels={list} canEdit={can(me, "contractors.manage")} />}
          </Loaded>
        </SectionCard>
        <ChannelAnalyticsPanel />
      </Stack>
    </>
  );
}
