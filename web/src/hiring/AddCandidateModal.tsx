import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { countryOptions } from "../../../src/people/countries.ts";
import { isApiError } from "../app/api.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SearchableSelect } from "../app/components/SearchableSelect.tsx";
import { TimeZoneSelect } from "../app/components/TimeZoneSelect.tsx";
import { fieldError } from "../app/form.ts";
import { useMe } from "../auth/session.ts";
import { Caution } from "./Caution.tsx";
import {
  addCandidate,
  channelsKey,
  directoryKey,
  fetchChannels,
  fetchDirectory,
  refreshOpening,
  type DirectoryEntry,
  type NewCandidate,
} from "./api.ts";

const inputs = [
  "contractorId",
  "person.name",
  "person.email",
  "person.timeZone",
  "person.country",
  "person.channelId",
];

const labelOf = (entry: DirectoryEntry) => `${entry.name} <${entry.email}>`;

/** Puts someone on an opening: a person already in the directory, or someone new. */
export function AddCandidateModal({
  openingId,
  opened,
  onClose,
}: {
  openingId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a candidate" size="lg" centered>
      <AddCandidateForm openingId={openingId} onDone={onClose} />
    </Modal>
  );
}

function AddCandidateForm({ openingId, onDone }: { openingId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const directory = useQuery({ queryKey: directoryKey, queryFn: fetchDirectory });
  const channels = useQuery({ queryKey: channelsKey, queryFn: fetchChannels });
  const countries = useMemo(() => countryOptions(), []);
  const [who, setWho] = useState<"existing" | "new">("new");
  const [picked, setPicked] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [country, setCountry] = useState("");
  const [channelId, setChannelId] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});

  const people = directory.data ?? [];
  const add = useMutation({
    mutationFn: (input: NewCandidate) => addCandidate({ openingId, input }),
    onSuccess: async (candidacy) => {
      await refreshOpening(queryClient, openingId);
      notifications.show({ message: `${candidacy.contractor.name} added to Sourced.` });
      onDone();
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(add.error, field);
  const existing =
    isApiError(add.error, 409) && add.error.code === "contractor.email_taken"
      ? people.find((person) => person.email === email.trim().toLowerCase())
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (who === "existing") {
      const person = people.find((entry) => labelOf(entry) === picked);
      if (!person) found.contractorId = "Choose someone from the directory";
      setProblems(found);
      if (person) add.mutate({ contractorId: person.id });
      return;
    }
    if (name.trim() === "") found["person.name"] = "Enter their name";
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) found["person.email"] = "Enter their email address";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({
      person: {
        name: name.trim(),
        email: email.trim(),
        timeZone,
        country: countries.find((option) => option.name === country)?.code ?? null,
        channelId: channelId || null,
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SegmentedControl
          aria-label="Who to add"
          value={who}
          onChange={(value) => {
            setWho(value === "existing" ? "existing" : "new");
            add.reset();
            setProblems({});
          }}
          data={[
            { value: "new", label: "Someone new" },
            { value: "existing", label: "Someone in the directory" },
          ]}
        />
        {existing ? (
          <Caution title={`${existing.name} is already in the directory`}>
            <Group justify="space-between">
              <span>Add the existing person instead of a second record.</span>
              <Button
                size="xs"
                loading={add.isPending}
                onClick={() => add.mutate({ contractorId: existing.id })}
              >
                Add {existing.name}
              </Button>
            </Group>
          </Caution>
        ) : (
          <FormError error={add.error} inputs={inputs} />
        )}
        {who === "existing" ? (
          <SearchableSelect
            label="Person"
            description="Anyone in the directory, including people you worked with before."
            options={people.map(labelOf)}
            value={picked}
            onChange={setPicked}
            matches={(option, search) => option.toLowerCase().includes(search.toLowerCase())}
            nothingFound="No one matches"
            error={errorOf("contractorId")}
          />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Name"
                data-autofocus
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={errorOf("person.name")}
              />
              <TextInput
                label="Email"
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={errorOf("person.email")}
              />
            </SimpleGrid>
            <TimeZoneSelect
              value={timeZone}
              onChange={setTimeZone}
              error={errorOf("person.timeZone")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <SearchableSelect
                label="Country (optional)"
                options={countries.map((option) => option.name)}
                value={country}
                onChange={setCountry}
                matches={(option, search) => option.toLowerCase().includes(search.toLowerCase())}
                nothingFound="No country matches"
                error={errorOf("person.country")}
              />
              <NativeSelect
                label="Came through"
                data={[
                  { value: "", label: "Not recorded" },
                  ...(channels.data ?? [])
                    .filter((channel) => !channel.archived)
                    .map((channel) => ({ value: channel.id, label: channel.name })),
                ]}
                value={channelId}
                onChange={(event) => setChannelId(event.currentTarget.value)}
                error={errorOf("person.channelId")}
              />
            </SimpleGrid>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add candidate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
