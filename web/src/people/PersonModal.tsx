import {
  Button,
  Divider,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Channel, Contractor } from "../../../src/people/schema.ts";
import { contractorStatuses } from "../../../src/people/schema.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, readAmount, useCurrency } from "../app/money.ts";
import { useMe } from "../auth/session.ts";
import { areasKey, fetchAreas } from "../worth/api.ts";
import type { Area } from "../../../src/worth/schema.ts";
import {
  channelsKey,
  createContractor,
  fetchChannels,
  refreshDirectory,
  updateContractor,
  type PersonForm,
} from "./api.ts";
import { statusLabels } from "./display.ts";
import { SkillsEditor } from "./SkillsEditor.tsx";
import { WorkingHoursFields, type WorkingHours } from "./WorkingHoursFields.tsx";

const inputs = [
  "name",
  "email",
  "country",
  "timeZone",
  "dayStart",
  "dayEnd",
  "workingDays",
  "phone",
  "chatHandle",
  "hourlyRate",
  "projectRate",
  "rateCurrency",
  "channelId",
  "notes",
  "status",
  "skills",
];

/** Adds a person to the directory, or changes one: every field the owner keeps. */
export function PersonModal({
  opened,
  onClose,
  person,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  person?: Contractor;
  onSaved?: (person: Contractor) => void;
}) {
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas, enabled: opened });
  const channels = useQuery({ queryKey: channelsKey, queryFn: fetchChannels, enabled: opened });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? `Change ${person.name}` : "Add a person"}
      size="xl"
      centered
    >
      <Loaded query={areas}>
        {(areaList) => (
          <Loaded query={channels}>
            {(channelList) => (
              <PersonFormBody
                person={person}
                areas={areaList}
                channels={channelList}
                onDone={onClose}
                onSaved={onSaved}
              />
            )}
          </Loaded>
        )}
      </Loaded>
    </Modal>
  );
}

function PersonFormBody({
  person,
  areas,
  channels,
  onDone,
  onSaved,
}: {
  person?: Contractor;
  areas: Area[];
  channels: Channel[];
  onDone: () => void;
  onSaved?: (person: Contractor) => void;
}) {
  const queryClient = useQueryClient();
  const me = useMe();
  const workspaceCurrency = useCurrency();
  const [name, setName] = useState(person?.name ?? "");
  const [email, setEmail] = useState(person?.email ?? "");
  const [status, setStatus] = useState<PersonForm["status"]>(person?.status ?? "candidate");
  const [channelId, setChannelId] = useState(person?.channelId ?? "");
  const [currency, setCurrency] = useState(person?.rateCurrency ?? workspaceCurrency);
  const [hourly, setHourly] = useState(amountText(person?.hourlyRate ?? null, currency));
  const [project, setProject] = useState(amountText(person?.projectRate ?? null, currency));
  const [notes, setNotes] = useState(person?.notes ?? "");
  const [skills, setSkills] = useState<PersonForm["skills"]>(
    person?.skills.map(({ areaId, level, verified }) => ({ areaId, level, verified })) ?? [],
  );
  const [hours, setHours] = useState<WorkingHours>({
    country: person?.country ?? null,
    timeZone: person?.timeZone ?? me.user.timeZone,
    dayStart: person?.dayStart ?? "09:00",
    dayEnd: person?.dayEnd ?? "17:00",
    workingDays: person?.workingDays ?? [1, 2, 3, 4, 5],
    contactMethod: person?.contactMethod ?? "email",
    phone: person?.phone ?? null,
    chatHandle: person?.chatHandle ?? null,
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: PersonForm) =>
      person ? updateContractor({ id: person.id, ...input }) : createContractor(input),
    onSuccess: (saved) => {
      refreshDirectory(queryClient);
      notifications.show({ message: person ? `${saved.name} saved.` : `${saved.name} added.` });
      onSaved?.(saved);
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);
  const usable = channels.filter((channel) => !channel.archived || channel.id === channelId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === "") found.name = "Enter their name";
    if (email.trim() === "") found.email = "Enter their email";
    const hourlyRate = readAmount(hourly, currency, true);
    const projectRate = readAmount(project, currency, true);
    if (hourlyRate.error !== undefined) found.hourlyRate = hourlyRate.error;
    if (projectRate.error !== undefined) found.projectRate = projectRate.error;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      name: name.trim(),
      email: email.trim(),
      ...hours,
      hourlyRate: hourlyRate.error === undefined ? hourlyRate.cents : null,
      projectRate: projectRate.error === undefined ? projectRate.cents : null,
      rateCurrency: currency,
      channelId: channelId || null,
      notes,
      status,
      skills,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorOf("name")}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            description={
              person?.portal.status === "joined" ? "Fixed: their portal account uses it" : undefined
            }
            readOnly={person?.portal.status === "joined"}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errorOf("email")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Status"
            data={contractorStatuses.map((value) => ({ value, label: statusLabels[value] }))}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as PersonForm["status"])}
            error={errorOf("status")}
          />
          <NativeSelect
            label="Came through"
            data={[
              { value: "", label: "Not recorded" },
              ...usable.map((channel) => ({ value: channel.id, label: channel.name })),
            ]}
            value={channelId}
            onChange={(event) => setChannelId(event.currentTarget.value)}
            error={errorOf("channelId")}
          />
        </SimpleGrid>
        <Divider label="Rate" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CurrencySelect
            value={currency}
            onChange={setCurrency}
            description="The currency they charge in"
            error={errorOf("rateCurrency")}
          />
          <MoneyInput
            label="Hourly rate"
            currency={currency}
            value={hourly}
            onChange={setHourly}
            error={errorOf("hourlyRate")}
          />
          <MoneyInput
            label="Typical project rate"
            currency={currency}
            value={project}
            onChange={setProject}
            error={errorOf("projectRate")}
          />
        </SimpleGrid>
        <Divider label="Where and when they work" labelPosition="left" />
        <WorkingHoursFields value={hours} onChange={setHours} errorOf={errorOf} />
        <Divider />
        <SkillsEditor areas={areas} skills={skills} onChange={setSkills} errorOf={errorOf} />
        <Textarea
          label="Your notes"
          description="Only you and your managers see these; never the person."
          autosize
          minRows={3}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errorOf("notes")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {person ? "Save changes" : "Add person"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
