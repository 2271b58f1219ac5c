import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { PeopleSettings } from "../../../src/people/schema.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import {
  fetchPeopleSettings,
  peopleSettingsKey,
  refreshDirectory,
  savePeopleSettings,
} from "./api.ts";

const levels = [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `Level ${level}` }));

function PeopleSettingsForm({ settings }: { settings: PeopleSettings }) {
  const queryClient = useQueryClient();
  const [minSkillLevel, setMinSkillLevel] = useState(settings.minSkillLevel);
  const [dayStart, setDayStart] = useState(settings.ownerDayStart);
  const [dayEnd, setDayEnd] = useState(settings.ownerDayEnd);
  const [rates, setRates] = useState(settings.exchangeRates);
  const save = useMutation({
    mutationFn: savePeopleSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(peopleSettingsKey, saved);
      refreshDirectory(queryClient);
      notifications.show({ message: "People settings saved." });
    },
  });
  const errorOf = (field: string) => fieldError(save.error, field);
  const changeRate = (index: number, next: Partial<(typeof rates)[number]>) =>
    setRates(rates.map((rate, at) => (at === index ? { ...rate, ...next } : rate)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      minSkillLevel,
      ownerDayStart: dayStart,
      ownerDayEnd: dayEnd,
      exchangeRates: rates,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError
          error={save.error}
          inputs={[
            "minSkillLevel",
            "ownerDayStart",
            "ownerDayEnd",
            ...rates.flatMap((_, index) => [
              `exchangeRates.${index}.currency`,
              `exchangeRates.${index}.rate`,
            ]),
          ]}
        />
        <NativeSelect
          label="Minimum skill level"
          description="Who counts as able to do an area's work on the bench"
          data={levels}
          value={String(minSkillLevel)}
          onChange={(event) => setMinSkillLevel(Number(event.currentTarget.value))}
          error={errorOf("minSkillLevel")}
          maw={240}
        />
        <SimpleGrid cols={{ base: 2 }} maw={420}>
          <TextInput
            type="time"
            label="Your day starts"
            value={dayStart}
            onChange={(event) => setDayStart(event.currentTarget.value)}
            error={errorOf("ownerDayStart")}
          />
          <TextInput
            type="time"
            label="Your day ends"
            value={dayEnd}
            onChange={(event) => setDayEnd(event.currentTarget.value)}
            error={errorOf("ownerDayEnd")}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          In {settings.ownerTimeZone}. Each person&apos;s overlap is measured against it.
        </Text>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Exchange rates
          </Text>
          <Text size="xs" c="dimmed">
            How many {settings.workspaceCurrency} one unit of another currency is worth, for people
            who charge in it. Handoff fetches no rates; you keep them.
          </Text>
          {rates.map((rate, index) => (
            <Group key={index} align="flex-end" gap="sm">
              <CurrencySelect
                value={rate.currency}
                onChange={(currency) => changeRate(index, { currency })}
                error={errorOf(`exchangeRates.${index}.currency`)}
              />
              <TextInput
                label={`${settings.workspaceCurrency} per ${rate.currency || "unit"}`}
                inputMode="decimal"
                value={rate.rate}
                onChange={(event) => changeRate(index, { rate: event.currentTarget.value })}
                error={errorOf(`exchangeRates.${index}.rate`)}
                w={160}
              />
              <ActionIcon
                variant="default"
                aria-label={`Remove the ${rate.currency} rate`}
                onClick={() => setRates(rates.filter((_, at) => at !== index))}
                mb={4}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setRates([...rates, { currency: "EUR", rate: "1" }])}
            >
              Add an exchange rate
            </Button>
          </Group>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save people settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The owner's settings for the People area: the bench's bar, their day and exchange rates. */
export function PeopleSettingsCard() {
  const settings = useQuery({ queryKey: peopleSettingsKey, queryFn: fetchPeopleSettings });
  return (
    <SectionCard
      title="People"
      description="The level that counts on the bench, your working day for time-zone overlap, and exchange rates for people paid in other currencies."
    >
      <Loaded query={settings}>
        {(current) => <PeopleSettingsForm key={JSON.stringify(current)} settings={current} />}
      </Loaded>
    </SectionCard>
  );
}
