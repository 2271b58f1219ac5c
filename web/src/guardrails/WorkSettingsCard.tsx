import { Button, Group, NumberInput, SimpleGrid, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { WorkSettings } from "../../../src/work/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import {
  refreshAfterWorkSettings,
  saveWorkSettings,
  useWorkSettings,
  workSettingsKey,
  type WorkSettingsForm,
} from "./api.ts";

type Field = keyof WorkSettingsForm;

const fields: { name: Field; label: string; description: string; suffix: string }[] = [
  {
    name: "relaxAfterDays",
    label: "Relax reports after",
    description: "On-time working days in a row before weekly reports",
    suffix: " days",
  },
  {
    name: "relaxAfterAccepted",
    label: "And after",
    description: "Deliveries accepted, also needed to relax",
    suffix: " accepted",
  },
  {
    name: "slipLimit",
    label: "Flag a contractor at",
    description: "Missed or late reports and late milestones",
    suffix: " slips",
  },
  {
    name: "slipWindowDays",
    label: "Slip window",
    description: "How far back slips count",
    suffix: " days",
  },
  {
    name: "loyaltyWindowDays",
    label: "Loyalty window",
    description: "How far back reliability is judged",
    suffix: " days",
  },
];

function WorkSettingsForm({ settings }: { settings: WorkSettings }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, number | string>>({
    relaxAfterDays: settings.relaxAfterDays,
    relaxAfterAccepted: settings.relaxAfterAccepted,
    slipLimit: settings.slipLimit,
    slipWindowDays: settings.slipWindowDays,
    loyaltyWindowDays: settings.loyaltyWindowDays,
  });
  const save = useMutation({
    mutationFn: saveWorkSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(workSettingsKey, saved);
      await refreshAfterWorkSettings(queryClient);
      notifications.show({ message: "Work settings saved." });
    },
  });
  const number = (value: number | string) => (typeof value === "number" ? value : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      relaxAfterDays: number(values.relaxAfterDays),
      relaxAfterAccepted: number(values.relaxAfterAccepted),
      slipLimit: number(values.slipLimit),
      slipWindowDays: number(values.slipWindowDays),
      loyaltyWindowDays: number(values.loyaltyWindowDays),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={fields.map((field) => field.name)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((field) => (
            <NumberInput
              key={field.name}
              label={field.label}
              description={field.description}
              suffix={field.suffix}
              value={values[field.name]}
              onChange={(value) => setValues({ ...values, [field.name]: value })}
              allowDecimal={false}
              allowNegative={false}
              error={fieldError(save.error, field.name)}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save work settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The owner's rules for running the work: when reports relax, when slips flag, how loyalty is judged. */
export function WorkSettingsCard() {
  const settings = useWorkSettings();
  return (
    <SectionCard
      title="Work settings"
      description="When daily reports relax to weekly, how many slips flag a contractor, and how far back reliability is judged."
    >
      <Loaded query={settings}>
        {(current) => <WorkSettingsForm key={current.updatedAt} settings={current} />}
      </Loaded>
    </SectionCard>
  );
}
