import { Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { Evaluation } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { removeEvidence, saveReference } from "./api.ts";
import { useEvidence } from "./use-evidence.ts";

type Reference = Evaluation["references"][number];

/** People who can vouch for the candidate; a reference counts once it was actually contacted. */
export function ReferencesSection({
  evaluation,
  editable,
}: {
  evaluation: Evaluation;
  editable: boolean;
}) {
  const ids = { candidacyId: evaluation.candidacy.id, openingId: evaluation.opening.id };
  return (
    <SectionCard
      title="References"
      description="Who can vouch for them. Only a reference you actually contacted counts as checked."
    >
      {evaluation.references.length === 0 && (
        <Text size="sm" c="dimmed">
          No references yet.
        </Text>
      )}
      {evaluation.references.map((reference) => (
        <ReferenceItem key={reference.id} ids={ids} reference={reference} editable={editable} />
      ))}
      {editable && <NewReference ids={ids} />}
    </SectionCard>
  );
}

function ReferenceItem({
  ids,
  reference,
  editable,
}: {
  ids: { candidacyId: string; openingId: string };
  reference: Reference;
  editable: boolean;
}) {
  const [said, setSaid] = useState(reference.said);
  const save = useEvidence(ids, saveReference, "Reference saved.");
  const remove = useEvidence(ids, removeEvidence, "Reference removed.");
  const update = (changes: Partial<Reference>) =>
    save.mutate({
      id: ids.candidacyId,
      itemId: reference.id,
      input: {
        name: reference.name,
        contact: reference.contact,
        contacted: reference.contacted,
        said: reference.said,
        ...changes,
      },
    });
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <div>
            <Text fw={600} size="sm">
              {reference.name}
            </Text>
            {reference.contact && (
              <Text size="xs" c="dimmed">
                {reference.contact}
              </Text>
            )}
          </div>
          <Switch
            label="Contacted"
            checked={reference.contacted}
            disabled={!editable || save.isPending}
            onChange={(event) => update({ contacted: event.currentTarget.checked })}
          />
        </Group>
        {editable ? (
          <>
            <Textarea
              label={`What ${reference.name} said`}
              autosize
              minRows={2}
              value={said}
              onChange={(event) => setSaid(event.currentTarget.value)}
              error={fieldError(save.error, "said")}
            />
            <Group justify="flex-end" gap="xs">
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate({ id: ids.candidacyId, kind: "references", itemId: reference.id })
                }
              >
                Remove
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={said === reference.said}
                loading={save.isPending}
                onClick={() => update({ said })}
              >
                Save what they said
              </Button>
            </Group>
          </>
        ) : (
          reference.said && <Text size="sm">{reference.said}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function NewReference({ ids }: { ids: { candidacyId: string; openingId: string } }) {
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [problem, setProblem] = useState<string>();
  const add = useEvidence(ids, saveReference, "Reference added.");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") {
      setProblem("Enter who the reference is");
      return;
    }
    setProblem(undefined);
    add.mutate(
      {
        id: ids.candidacyId,
        input: { name: name.trim(), contact: contact.trim(), contacted: false, said: "" },
      },
      {
        onSuccess: () => {
          setName("");
          setContact("");
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError error={add.error} inputs={["name", "contact"]} />
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Reference"
            placeholder="A former client"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem ?? fieldError(add.error, "name")}
            style={{ flex: "1 1 180px" }}
          />
          <TextInput
            label="How to reach them"
            placeholder="Email or phone"
            value={contact}
            onChange={(event) => setContact(event.currentTarget.value)}
            error={fieldError(add.error, "contact")}
            style={{ flex: "1 1 180px" }}
          />
          <Button type="submit" variant="default" loading={add.isPending}>
            Add reference
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
