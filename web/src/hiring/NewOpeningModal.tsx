import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";
import { fetchJobPost, fetchSops, sopsKey } from "../sops/api.ts";
import { areasKey, fetchAreas } from "../worth/api.ts";
import { createOpening, openingsKey } from "./api.ts";

const inputs = ["title", "areaId", "sopId", "jobPost"];

/** Opens a role: what it is called, the skill area, and a job post — written from a procedure if there is one. */
export function NewOpeningModal({
  opened,
  onClose,
  areaId,
}: {
  opened: boolean;
  onClose: () => void;
  /** The area to start with, e.g. when coming from a bench warning. */
  areaId?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New opening" size="lg" centered>
      <OpeningForm initialAreaId={areaId ?? ""} onDone={onClose} />
    </Modal>
  );
}

function OpeningForm({ initialAreaId, onDone }: { initialAreaId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas });
  const sops = useQuery({ queryKey: sopsKey, queryFn: fetchSops });
  const [title, setTitle] = useState("");
  const [areaId, setAreaId] = useState(initialAreaId);
  const [sopId, setSopId] = useState("");
  const [jobPost, setJobPost] = useState("");
  const [titleProblem, setTitleProblem] = useState<string>();
  const published = (sops.data ?? []).filter((sop) => sop.latestVersion !== null);

  const prefill = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => fetchJobPost(id, version),
    onSuccess: (posts) => {
      const post = posts.variants.find((variant) => variant.channel === "upwork");
      if (post) setJobPost(post.text.trim());
    },
  });
  const save = useMutation({
    mutationFn: createOpening,
    onSuccess: async (opening) => {
      await queryClient.invalidateQueries({ queryKey: openingsKey });
      notifications.show({ message: `“${opening.title}” is open.` });
      onDone();
      void navigate(`/hiring/${opening.id}`);
    },
  });

  function chooseProcedure(id: string) {
    setSopId(id);
    const sop = published.find((candidate) => candidate.id === id);
    if (!sop || sop.latestVersion === null) return;
    if (title.trim() === "") setTitle(sop.title);
    if (areaId === "" && sop.areaId) setAreaId(sop.areaId);
    prefill.mutate({ id: sop.id, version: sop.latestVersion });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === "") {
      setTitleProblem("Name the role, e.g. “Customer support writer”");
      return;
    }
    setTitleProblem(undefined);
    save.mutate({
      title: title.trim(),
      areaId: areaId || null,
      sopId: sopId || null,
      jobPost,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <TextInput
          label="Title"
          placeholder="Customer support writer"
          data-autofocus
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={titleProblem ?? fieldError(save.error, "title")}
        />
        <NativeSelect
          label="Skill area"
          description="The task area this person will cover; it counts toward your bench."
          data={[
            { value: "", label: "No particular area" },
            ...(areas.data ?? []).map((area) => ({ value: area.id, label: area.name })),
          ]}
          value={areaId}
          onChange={(event) => setAreaId(event.currentTarget.value)}
          error={fieldError(save.error, "areaId")}
        />
        <NativeSelect
          label="Procedure (optional)"
          description="Choose a published procedure and its job post is written for you."
          data={[
            { value: "", label: "None" },
            ...published.map((sop) => ({ value: sop.id, label: sop.title })),
          ]}
          value={sopId}
          onChange={(event) => chooseProcedure(event.currentTarget.value)}
          error={fieldError(save.error, "sopId")}
        />
        <Textarea
          label="Job post"
          description="Ready to paste where you look for people. You can change it any time."
          autosize
          minRows={6}
          maxRows={16}
          value={jobPost}
          onChange={(event) => setJobPost(event.currentTarget.value)}
          error={fieldError(save.error, "jobPost")}
        />
        {prefill.isPending && (
          <Text size="sm" c="dimmed" role="status">
            Writing the job post from the procedure…
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Open the role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
