import { Badge, Button, Group, NumberInput, Stack, TagsInput, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { settingsSchema } from "../../../src/sops/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { can, useMe } from "../auth/session.ts";
import { fetchSopSettings, saveSopSettings, sopSettingsKey, sopsKey } from "./api.ts";
import { easeLabel } from "./readability.ts";

type Settings = z.infer<typeof settingsSchema>;

function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [minReadingEase, setMinReadingEase] = useState<number | string>(settings.minReadingEase);
  const [jargon, setJargon] = useState(settings.jargon);
  const [problem, setProblem] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: saveSopSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(sopSettingsKey, saved);
      void queryClient.invalidateQueries({ queryKey: sopsKey });
      notifications.show({
        message: "Readability bar saved. Drafts are scored with it when saved.",
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typeof minReadingEase !== "number") {
      setProblem("Enter a reading ease from 0 to 100");
      return;
    }
    setProblem(undefined);
    save.mutate({ minReadingEase, jargon: jargon.map((word) => word.trim().toLowerCase()) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} inputs={["minReadingEase", "jargon"]} />
        <NumberInput
          label="Lowest reading ease"
          description={`60 is plain English. Now: ${easeLabel(typeof minReadingEase === "number" ? minReadingEase : null)}.`}
          value={minReadingEase}
          onChange={setMinReadingEase}
          min={0}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          error={problem ?? fieldError(save.error, "minReadingEase")}
        />
        <TagsInput
          label="Jargon to flag"
          description="Words a layman may not know. Type one and press Enter."
          value={jargon}
          onChange={setJargon}
          maxTags={200}
          error={fieldError(save.error, "jargon")}
        />
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            Save the bar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SettingsView({ settings }: { settings: Settings }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        Lowest reading ease: <strong>{settings.minReadingEase}</strong> (
        {easeLabel(settings.minReadingEase)})
      </Text>
      <Text size="sm" fw={600}>
        Jargon flagged:
      </Text>
      <Group gap={4}>
        {settings.jargon.map((word) => (
          <Badge key={word} variant="light" color="gray" tt="none" radius="sm">
            {word}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Only the owner can change these.
      </Text>
    </Stack>
  );
}

/** How plain a procedure must read before it may be handed over, and the words to flag. */
export function ReadabilityBarCard() {
  const me = useMe();
  const settings = useQuery({ queryKey: sopSettingsKey, queryFn: fetchSopSettings });
  return (
    <SectionCard
      title="Readability bar"
      description="A version under this Flesch reading ease is marked hard to follow and can't be handed over until it is fixed or overridden."
    >
      <Loaded query={settings}>
        {(current) =>
          can(me, "sops.settings") ? (
            <SettingsForm key={JSON.stringify(current)} settings={current} />
          ) : (
            <SettingsView settings={current} />
          )
        }
      </Loaded>
    </SectionCard>
  );
}
