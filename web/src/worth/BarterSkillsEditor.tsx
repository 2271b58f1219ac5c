import { Button, Group, Pill, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { BarterSkill } from "../../../src/worth/schema.ts";
import { fieldError } from "../app/form.ts";
import { addBarterSkill, refreshWorth, removeBarterSkill } from "./api.ts";

/** Skills the owner is good at and willing to trade for work they are weak at. */
export function BarterSkillsEditor({
  skills,
  canEdit,
}: {
  skills: BarterSkill[];
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const add = useMutation({
    mutationFn: addBarterSkill,
    onSuccess: () => {
      setName("");
      refreshWorth(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: removeBarterSkill,
    onSuccess: () => refreshWorth(queryClient),
    onError: (error) =>
      notifications.show({ color: "red", title: "Not removed", message: error.message }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() !== "") add.mutate(name.trim());
  }
  return (
    <Stack gap="md">
      {skills.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Add a skill you are strong at — copywriting, design, coding — and tasks you are
          weak at can be traded for it.
        </Text>
      ) : (
        <Group gap="xs" role="list" aria-label="Skills to trade">
          {skills.map((skill) => (
            <Pill
              key={skill.id}
              role="listitem"
              size="lg"
              withRemoveButton={canEdit}
              onRemove={() => remove.mutate(skill.id)}
              removeButtonProps={{ "aria-label": `Remove ${skill.name}` }}
            >
              {skill.name}
            </Pill>
          ))}
        </Group>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate aria-label="Add a skill to trade">
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Skill to trade"
              placeholder="copywriting"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldError(add.error, "name") ?? (add.error ? add.error.message : undefined)}
              style={{ flex: 1 }}
              miw={160}
            />
            <Button type="submit" variant="light" mt={25} loading={add.isPending}>
              Add skill
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
