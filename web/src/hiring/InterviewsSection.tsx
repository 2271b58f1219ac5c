import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { Evaluation } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { removeEvidence, saveInterview, type InterviewForm } from "./api.ts";
import { RemoveEvidenceButton } from "./RemoveEvidenceButton.tsx";
import { useEvidence } from "./use-evidence.ts";

type Interview = Evaluation["interviews"][number];
type Ids = { candidacyId: string; openingId: string };

const starterQuestions = [
  "Tell me about a similar job you did. What was the result?",
  "How do you report progress, and how often?",
  "How many hours a week can you give this, and when?",
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Interviews with the questions asked and the answers given, so candidates can be compared. */
export function InterviewsSection({
  evaluation,
  editable,
}: {
  evaluation: Evaluation;
  editable: boolean;
}) {
  const ids = { candidacyId: evaluation.candidacy.id, openingId: evaluation.opening.id };
  const [editing, setEditing] = useState<Interview | "new" | null>(null);
  const remove = useEvidence(ids, removeEvidence, "Interview removed.");
  return (
    <SectionCard
      title="Interviews"
      description="Ask every candidate the same questions, and write down what they answered."
      aside={
        editable &&
        editing === null && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            Record an interview
          </Button>
        )
      }
    >
      {evaluation.interviews.length === 0 && editing === null && (
        <Text size="sm" c="dimmed">
          Not interviewed yet.
        </Text>
      )}
      {evaluation.interviews.map((interview) =>
        editing !== "new" && editing?.id === interview.id ? (
          <InterviewEditor
            key={interview.id}
            ids={ids}
            interview={interview}
            onDone={() => setEditing(null)}
          />
        ) : (
          <Paper key={interview.id} withBorder radius="sm" p="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h6">
                  Interview on {interview.heldOn}
                </Title>
                {editable && (
                  <Group gap={4}>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(interview)}>
                      Change
                    </Button>
                    <RemoveEvidenceButton
                      label={`Remove the interview on ${interview.heldOn}`}
                      onRemove={() =>
                        remove.mutate({
                          id: ids.candidacyId,
                          kind: "interviews",
                          itemId: interview.id,
                        })
                      }
                    />
                  </Group>
                )}
              </Group>
              {interview.questions.map((item, index) => (
                <div key={index}>
                  <Text size="sm" fw={600}>
                    {item.question}
                  </Text>
                  <Text size="sm" c={item.answer ? undefined : "dimmed"}>
                    {item.answer || "No answer written down"}
                  </Text>
                </div>
              ))}
              {interview.notes && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {interview.notes}
                </Text>
              )}
            </Stack>
          </Paper>
        ),
      )}
      {editing === "new" && <InterviewEditor ids={ids} onDone={() => setEditing(null)} />}
    </SectionCard>
  );
}

function InterviewEditor({
  ids,
  interview,
  onDone,
}: {
  ids: Ids;
  interview?: Interview;
  onDone: () => void;
}) {
  const [form, setForm] = useState<InterviewForm>(() => ({
    heldOn: interview?.heldOn ?? today(),
    questions:
      interview?.questions ?? starterQuestions.map((question) => ({ question, answer: "" })),
    notes: interview?.notes ?? "",
  }));
  const save = useEvidence(ids, saveInterview, "Interview saved.");
  const setQuestion = (index: number, changes: Partial<InterviewForm["questions"][number]>) =>
    setForm({
      ...form,
      questions: form.questions.map((item, at) => (at === index ? { ...item, ...changes } : item)),
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        id: ids.candidacyId,
        itemId: interview?.id,
        input: {
          ...form,
          questions: form.questions.filter((item) => item.question.trim() !== ""),
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Paper withBorder radius="sm" p="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} inputs={["heldOn", "notes"]} />
          <TextInput
            type="date"
            label="Held on"
            w={200}
            value={form.heldOn}
            onChange={(event) => setForm({ ...form, heldOn: event.currentTarget.value })}
            error={fieldError(save.error, "heldOn")}
          />
          {form.questions.map((item, index) => (
            <Paper key={index} withBorder radius="sm" p="xs">
              <Stack gap={6}>
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    label={`Question ${index + 1}`}
                    value={item.question}
                    onChange={(event) =>
                      setQuestion(index, { question: event.currentTarget.value })
                    }
                    error={fieldError(save.error, `questions.${index}.question`)}
                    style={{ flex: 1 }}
                  />
                  <Tooltip label="Remove question" openDelay={300}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mb={4}
                      aria-label={`Remove question ${index + 1}`}
                      onClick={() =>
                        setForm({
                          ...form,
                          questions: form.questions.filter((_, at) => at !== index),
                        })
                      }
                    >
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <Textarea
                  label={`Answer ${index + 1}`}
                  autosize
                  minRows={1}
                  value={item.answer}
                  onChange={(event) => setQuestion(index, { answer: event.currentTarget.value })}
                />
              </Stack>
            </Paper>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setForm({ ...form, questions: [...form.questions, { question: "", answer: "" }] })
            }
          >
            Add a question
          </Button>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={form.notes}
            onChange={(event) => setForm({ ...form, notes: event.currentTarget.value })}
            error={fieldError(save.error, "notes")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save interview
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
