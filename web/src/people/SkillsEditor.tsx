import { ActionIcon, Button, Group, NativeSelect, Stack, Switch, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { Area } from "../../../src/worth/schema.ts";
import type { PersonForm } from "./api.ts";

type Skill = PersonForm["skills"][number];

const levels = ["1", "2", "3", "4", "5"].map((level) => ({
  value: level,
  label: `Level ${level}`,
}));

/** The areas someone can work in, each with a level from 1 to 5 and whether it is verified. */
export function SkillsEditor({
  areas,
  skills,
  onChange,
  errorOf,
}: {
  areas: Area[];
  skills: Skill[];
  onChange: (skills: Skill[]) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const unused = areas.filter((area) => !skills.some((skill) => skill.areaId === area.id));
  const change = (index: number, next: Partial<Skill>) =>
    onChange(skills.map((skill, at) => (at === index ? { ...skill, ...next } : skill)));
  const nameOf = (areaId: string) => areas.find((area) => area.id === areaId)?.name ?? "area";
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Skills
      </Text>
      {skills.length === 0 && (
        <Text size="sm" c="dimmed">
          No skills yet. Skills are your task areas; the bench counts who can do each.
        </Text>
      )}
      {skills.map((skill, index) => (
        <Group key={index} gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label="Area"
            data={areas
              .filter(
                (area) =>
                  area.id === skill.areaId || !skills.some((other) => other.areaId === area.id),
              )
              .map((area) => ({ value: area.id, label: area.name }))}
            value={skill.areaId}
            onChange={(event) => change(index, { areaId: event.currentTarget.value })}
            error={errorOf(`skills.${index}.areaId`)}
            w={180}
          />
          <NativeSelect
            label={`Level in ${nameOf(skill.areaId)}`}
            data={levels}
            value={String(skill.level)}
            onChange={(event) => change(index, { level: Number(event.currentTarget.value) })}
            error={errorOf(`skills.${index}.level`)}
            w={170}
          />
          <Switch
            label="Verified"
            checked={skill.verified}
            onChange={(event) => change(index, { verified: event.currentTarget.checked })}
            mb={8}
          />
          <ActionIcon
            variant="default"
            aria-label={`Remove ${nameOf(skill.areaId)}`}
            onClick={() => onChange(skills.filter((_, at) => at !== index))}
            mb={4}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {errorOf("skills") && (
        <Text size="sm" c="red">
          {errorOf("skills")}
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={unused.length === 0}
          onClick={() =>
            unused[0] && onChange([...skills, { areaId: unused[0].id, level: 3, verified: false }])
          }
        >
          Add a skill
        </Button>
      </Group>
    </Stack>
  );
}
