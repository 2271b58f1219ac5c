import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Spoiler,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { OpeningDetail } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { can, useMe } from "../auth/session.ts";
import { AddCandidateModal } from "./AddCandidateModal.tsx";
import { JobPostText } from "./JobPostText.tsx";
import { fetchOpening, openingKey, refreshOpening, updateOpening } from "./api.ts";
import { CandidateList } from "./CandidateList.tsx";
import { PipelineBoard } from "./PipelineBoard.tsx";
import { useMove } from "./use-move.tsx";

/** One opening: its pipeline as a board or a list, and its job post. */
export function OpeningPage() {
  const { id = "" } = useParams();
  const opening = useQuery({ queryKey: openingKey(id), queryFn: () => fetchOpening(id) });
  return <Loaded query={opening}>{(data) => <Opening opening={data} />}</Loaded>;
}

function Opening({ opening }: { opening: OpeningDetail }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = searchParams.get("view") === "list" ? "list" : "board";
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const open = opening.status === "open";
  const mayManage = can(me, "hiring.manage") && open;
  const mover = useMove(opening.id, mayManage);
  const status = useMutation({
    mutationFn: () => updateOpening({ id: opening.id, status: open ? "closed" : "open" }),
    onSuccess: async (saved) => {
      await refreshOpening(queryClient, opening.id);
      notifications.show({
        message:
          saved.status === "closed" ? `“${saved.title}” closed.` : `“${saved.title}” reopened.`,
      });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Not changed", message: error.message }),
  });

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/hiring" size="sm" underline="hover">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            All openings
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <PageTitle>{opening.title}</PageTitle>
            <Group gap="xs">
              <Badge variant="filled" color={open ? "teal.9" : "gray.7"}>
                {open ? "Open" : "Closed"}
              </Badge>
              {opening.areaName && <Text size="sm">Skill area: {opening.areaName}</Text>}
              {opening.sopTitle && opening.sopId && (
                <Text size="sm">
                  From{" "}
                  <Anchor component={Link} to={`/blueprints/${opening.sopId}`}>
                    {opening.sopTitle}
                  </Anchor>
                </Text>
              )}
            </Group>
          </Stack>
          {can(me, "hiring.manage") && (
            <Group gap="sm">
              {mayManage && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setAdding(true)}
                >
                  Add candidate
                </Button>
              )}
              <Button variant="default" loading={status.isPending} onClick={() => status.mutate()}>
                {open ? "Close opening" : "Reopen"}
              </Button>
            </Group>
          )}
        </Group>
        {!open && (
          <Text c="dimmed" size="sm">
            This opening is closed: its candidates and evidence are kept as a record. Reopen it to
            make changes.
          </Text>
        )}
      </Stack>

      <Stack gap="sm">
        <SegmentedControl
          aria-label="Show the pipeline as"
          w="fit-content"
          value={view}
          onChange={(value) =>
            setSearchParams(value === "list" ? { view: "list" } : {}, { replace: true })
          }
          data={[
            { value: "board", label: "Board" },
            { value: "list", label: "List" },
          ]}
        />
        {view === "board" ? (
          <PipelineBoard candidacies={opening.candidacies} mover={mover} />
        ) : (
          <CandidateList candidacies={opening.candidacies} mover={mover} />
        )}
      </Stack>

      <SectionCard
        title="Job post"
        description="Paste it where the people are: referrals, your network, freelance sites."
        aside={
          mayManage && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              Change
            </Button>
          )
        }
      >
        {opening.jobPost ? (
          <Spoiler maxHeight={160} showLabel="Show the whole post" hideLabel="Show less">
            <JobPostText post={opening.jobPost} />
          </Spoiler>
        ) : (
          <Text c="dimmed" size="sm">
            No job post yet.
          </Text>
        )}
      </SectionCard>

      {mover.dialog}
      <AddCandidateModal openingId={opening.id} opened={adding} onClose={() => setAdding(false)} />
      <JobPostModal opening={opening} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}

function JobPostModal({
  opening,
  opened,
  onClose,
}: {
  opening: OpeningDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [post, setPost] = useState(opening.jobPost);
  const save = useMutation({
    mutationFn: () => updateOpening({ id: opening.id, jobPost: post }),
    onSuccess: async () => {
      await refreshOpening(queryClient, opening.id);
      notifications.show({ message: "Job post saved." });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Change the job post" size="lg" centered>
      <Stack>
        <FormError error={save.error} inputs={["jobPost"]} />
        <Textarea
          label="Job post"
          autosize
          minRows={8}
          maxRows={20}
          value={post}
          onChange={(event) => setPost(event.currentTarget.value)}
          error={fieldError(save.error, "jobPost")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
