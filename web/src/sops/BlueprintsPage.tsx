import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconCopy, IconListCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { SopSummary } from "../../../src/sops/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import {
  createFromTemplate,
  createSop,
  fetchSops,
  fetchTemplates,
  sopsKey,
  templatesKey,
} from "./api.ts";
import { ReadabilityBarCard } from "./ReadabilityBarCard.tsx";

function NewProcedureModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: createSop,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: sopsKey, exact: true });
      navigate(`/blueprints/${created.id}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === "") {
      setProblem("Give the procedure a title");
      return;
    }
    setProblem(undefined);
    create.mutate(title.trim());
  }

  return (
    <Modal opened={opened} onClose={onClose} title="New procedure" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={create.error} inputs={["title"]} />
          <TextInput
            label="Title"
            description="The task it teaches, e.g. “Publish a blog post”."
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={problem ?? fieldError(create.error, "title")}
            maxLength={120}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create and write it
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TemplatesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const templates = useQuery({ queryKey: templatesKey, queryFn: fetchTemplates, enabled: opened });
  const copy = useMutation({
    mutationFn: createFromTemplate,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: sopsKey, exact: true });
      navigate(`/blueprints/${created.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Start from a template" size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          Copy an example and make it yours: change the steps to the way you do the task.
        </Text>
        <FormError error={copy.error} inputs={[]} />
        <Loaded query={templates}>
          {(list) => (
            <Stack gap="sm">
              {list.map((template) => (
                <Paper key={template.key} withBorder p="md" radius="md">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                    <Stack gap={4}>
                      <Text fw={600}>{template.title}</Text>
                      <Text size="sm" c="dimmed">
                        {template.purpose}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {template.steps} steps
                      </Text>
                    </Stack>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconCopy size={14} aria-hidden />}
                      loading={copy.isPending && copy.variables === template.key}
                      onClick={() => copy.mutate(template.key)}
                      aria-label={`Use “${template.title}”`}
                    >
                      Use it
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Loaded>
      </Stack>
    </Modal>
  );
}

function ProcedureStatus({ sop }: { sop: SopSummary }) {
  return (
    <Group gap={6}>
      {sop.hardToFollow === true && (
        <Badge color="red.9" variant="filled">
          Hard to follow
        </Badge>
      )}
      {sop.hardToFollow === false && (
        <Badge color="teal.9" variant="filled">
          Reads plainly
        </Badge>
      )}
      {sop.hasDraft && (
        <Badge color="gray" variant="light">
          Draft
        </Badge>
      )}
    </Group>
  );
}

function ProceduresTable({ sops }: { sops: SopSummary[] }) {
  const format = useInstantFormat();
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="procedures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Procedure</Table.Th>
            <Table.Th>Latest version</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sops.map((sop) => (
            <Table.Tr key={sop.id}>
              <Table.Td>
                <Anchor component={Link} to={`/blueprints/${sop.id}`} fw={600}>
                  {sop.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {sop.latestVersion === null ? (
                  <Text size="sm" c="dimmed">
                    Not published
                  </Text>
                ) : (
                  `Version ${sop.latestVersion}`
                )}
              </Table.Td>
              <Table.Td>
                <ProcedureStatus sop={sop} />
              </Table.Td>
              <Table.Td>{format.date(sop.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The owner's proven methods, written down so a layman can follow them. */
export function BlueprintsPage() {
  const sops = useQuery({ queryKey: sopsKey, queryFn: fetchSops });
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState(false);
  return (
    <>
      <PageHeader title="Blueprints">
        Your proven methods, written down step by step in simple English until a layman can follow
        them. Blueprint it, then delegate it.
      </PageHeader>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SectionCard
            title="Procedures"
            description="Each one is versioned; a contractor runs a published version as a checklist."
            aside={
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconCopy size={16} aria-hidden />}
                  onClick={() => setCopying(true)}
                >
                  Start from a template
                </Button>
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setCreating(true)}
                >
                  New procedure
                </Button>
              </Group>
            }
          >
            <Loaded query={sops}>
              {(list) =>
                list.length === 0 ? (
                  <Stack align="center" gap="xs" py="lg">
                    <IconListCheck size={30} aria-hidden />
                    <Text fw={600}>No procedures yet</Text>
                    <Text size="sm" c="dimmed" maw={480} ta="center">
                      Pick a task you have done yourself many times and write down how you do it,
                      one action per step. Or start from a template.
                    </Text>
                  </Stack>
                ) : (
                  <ProceduresTable sops={list} />
                )
              }
            </Loaded>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ReadabilityBarCard />
        </Grid.Col>
      </Grid>
      <NewProcedureModal opened={creating} onClose={() => setCreating(false)} />
      <TemplatesModal opened={copying} onClose={() => setCopying(false)} />
    </>
  );
}
