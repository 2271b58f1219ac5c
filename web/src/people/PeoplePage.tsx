import { Alert, Anchor, Button, EmptyState, Group, Paper, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconUserSearch } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { ContractorFilter } from "../../../src/people/schema.ts";
import { CsvButtons } from "../app/components/CsvButtons.tsx";
import { CsvProblems } from "../app/components/CsvProblems.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { can, useMe } from "../auth/session.ts";
import { areasKey, fetchAreas } from "../worth/api.ts";
import {
  channelsKey,
  contractorsCsvUrl,
  contractorsKey,
  fetchChannels,
  fetchContractors,
  importContractors,
  refreshDirectory,
} from "./api.ts";
import { DirectoryFilters } from "./DirectoryFilters.tsx";
import { DirectoryTable } from "./DirectoryTable.tsx";
import { PersonModal } from "./PersonModal.tsx";

function DirectoryCsv({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => importContractors(await file.text()),
    onSuccess: (result) => {
      refreshDirectory(queryClient);
      notifications.show({
        message: `${result.created} added and ${result.updated} updated from the file.`,
      });
    },
  });
  return (
    <Stack gap="xs" maw={560}>
      <CsvButtons
        exportUrl={contractorsCsvUrl}
        canImport={canEdit}
        onFile={(file) => upload.mutate(file)}
        busy={upload.isPending}
      />
      <Text size="xs" c="dimmed">
        Import takes the export&apos;s columns. Rates like 25.00 in the person&apos;s currency,
        working days like &ldquo;Mon Tue Wed Thu Fri&rdquo;, skills like &ldquo;content:4*;
        design:3&rdquo; (* = verified). A known email updates that person; the file is imported
        whole or not at all.
      </Text>
      <CsvProblems error={upload.error} onClose={upload.reset} />
    </Stack>
  );
}

function EmptyDirectory({ onAdd, canEdit }: { onAdd: () => void; canEdit: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState variant="light" size="lg" maw={640} mx="auto" py="lg">
        <EmptyState.Indicator>
          <IconUserSearch size={30} />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>Build your bench</EmptyState.Title>
        <EmptyState.Description>
          Keep everyone you work with, or might, in one place: their skills and levels, rates, time
          zone and where you found them. Aim for at least two people who can do the same quality of
          work in each area, so no single person holds the business hostage and a holiday or a sick
          day doesn&apos;t stop the work.
        </EmptyState.Description>
        {canEdit && (
          <Button mt="md" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
            Add your first person
          </Button>
        )}
      </EmptyState>
    </Paper>
  );
}

/** The contractor directory: find the right person by skill, level, status, channel and hours. */
export function PeoplePage() {
  const me = useMe();
  const canEdit = can(me, "contractors.manage");
  const [filter, setFilter] = useState<ContractorFilter>({});
  const [debounced] = useDebouncedValue(filter, 250);
  const [adding, setAdding] = useState(false);
  const people = useQuery({
    queryKey: contractorsKey(debounced),
    queryFn: () => fetchContractors(debounced),
    placeholderData: keepPreviousData,
  });
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas });
  const channels = useQuery({ queryKey: channelsKey, queryFn: fetchChannels });
  const filtering = Object.values(debounced).some((value) => value !== undefined);

  return (
    <>
      <PageHeader title="People">
        Everyone you work with or might: skills, rates, time zones and where you found them.
      </PageHeader>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <DirectoryCsv canEdit={canEdit} />
          <Group gap="sm">
            <Button component={Link} to="/people/channels" variant="default">
              Channels
            </Button>
            {canEdit && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setAdding(true)}
              >
                Add person
              </Button>
            )}
          </Group>
        </Group>
        <Loaded query={people}>
          {(list) =>
            list.length === 0 && !filtering ? (
              <EmptyDirectory onAdd={() => setAdding(true)} canEdit={canEdit} />
            ) : (
              <SectionCard
                title="Directory"
                aside={
                  <Text size="sm" c="dimmed">
                    {list.length} {list.length === 1 ? "person" : "people"}
                  </Text>
                }
              >
                <DirectoryFilters
                  filter={filter}
                  onChange={setFilter}
                  areas={areas.data ?? []}
                  channels={channels.data ?? []}
                />
                {list.length === 0 ? (
                  <Alert color="gray">
                    Nobody matches these filters.{" "}
                    <Anchor component="button" onClick={() => setFilter({})}>
                      Clear them
                    </Anchor>{" "}
                    to see everyone.
                  </Alert>
                ) : (
                  <DirectoryTable people={list} />
                )}
              </SectionCard>
            )
          }
        </Loaded>
      </Stack>
      <PersonModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
