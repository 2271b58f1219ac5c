import { Anchor, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Sop } from "../../../src/sops/schema.ts";
import type { Area, Audit } from "../../../src/worth/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { areasKey, auditKey, fetchAreas, fetchAudit } from "../worth/api.ts";
import { refreshSop, saveLinks } from "./api.ts";

const none = "";

function LinksForm({ sop, audit, areas }: { sop: Sop; audit: Audit; areas: Area[] }) {
  const queryClient = useQueryClient();
  const [taskId, setTaskId] = useState(sop.taskId ?? none);
  const [areaId, setAreaId] = useState(sop.areaId ?? none);
  const save = useMutation({
    mutationFn: saveLinks,
    onSuccess: async () => {
      await refreshSop(queryClient, sop.id);
      notifications.show({ message: "Links saved." });
    },
  });
  const changed = taskId !== (sop.taskId ?? none) || areaId !== (sop.areaId ?? none);

  function chooseTask(id: string) {
    setTaskId(id);
    // A task belongs to an area: take it along unless one is chosen already.
    const task = audit.tasks.find((candidate) => candidate.id === id);
    if (task && areaId === none) setAreaId(task.areaId);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      id: sop.id,
      taskId: taskId === none ? null : taskId,
      areaId: areaId === none ? null : areaId,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} inputs={["taskId", "areaId"]} />
        <NativeSelect
          label="Task from your audit"
          data={[
            { value: none, label: "No task" },
            ...audit.tasks.map((task) => ({ value: task.id, label: task.name })),
          ]}
          value={taskId}
          onChange={(event) => chooseTask(event.currentTarget.value)}
          error={fieldError(save.error, "taskId")}
        />
        <NativeSelect
          label="Skill area"
          data={[
            { value: none, label: "No area" },
            ...areas.map((area) => ({ value: area.id, label: area.name })),
          ]}
          value={areaId}
          onChange={(event) => setAreaId(event.currentTarget.value)}
          error={fieldError(save.error, "areaId")}
        />
        {audit.tasks.length === 0 && (
          <Text size="xs" c="dimmed">
            No tasks yet: list them in the{" "}
            <Anchor component={Link} to="/worth?tab=tasks">
              task audit
            </Anchor>
            .
          </Text>
        )}
        <Group>
          <Button type="submit" variant="default" loading={save.isPending} disabled={!changed}>
            Save links
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The task-audit task this procedure blueprints, and the skill area it belongs to. */
export function LinksCard({ sop }: { sop: Sop }) {
  const audit = useQuery({ queryKey: auditKey, queryFn: fetchAudit });
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas });
  return (
    <SectionCard
      title="What it blueprints"
      description="The task from your audit this procedure hands off, and its skill area."
    >
      <Loaded query={audit}>
        {(auditData) => (
          <Loaded query={areas}>
            {(areaList) => <LinksForm sop={sop} audit={auditData} areas={areaList} />}
          </Loaded>
        )}
      </Loaded>
    </SectionCard>
  );
}
