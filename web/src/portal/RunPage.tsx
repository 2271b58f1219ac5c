import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconCircleCheck, IconMessageQuestion, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { Run } from "../../../src/sops/schema.ts";
import { isApiError } from "../app/api.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { fetchRun, POLL_MS, runKey, runsKey } from "../sops/api.ts";
import { dueDateText } from "../sops/RunBits.tsx";
import { StepContent } from "../sops/StepContent.tsx";
import { askQuestion, checkStep, submitRun, uncheckStep } from "./api.ts";
import { RunFeedback } from "./RunFeedback.tsx";

/** Keeps the run the server answered with, and has the lists look again. */
function useRunUpdate(runId: string) {
  const queryClient = useQueryClient();
  return (run: Run) => {
    queryClient.setQueryData(runKey(runId), run);
    void queryClient.invalidateQueries({ queryKey: runsKey, exact: true });
  };
}

function TickForm({ run, index, isNext }: { run: Run; index: number; isNext: boolean }) {
  const [withNote, setWithNote] = useState(false);
  const [note, setNote] = useState("");
  const [link, setLink] = useState("");
  const update = useRunUpdate(run.id);
  const tick = useMutation({
    mutationFn: checkStep,
    onSuccess: (saved) => {
      update(saved);
      setNote("");
      setLink("");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    tick.mutate({ runId: run.id, index, note: note.trim(), link: link.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError error={tick.error} inputs={["note", "link"]} />
        {isNext || withNote || tick.error ? (
          <>
            <Textarea
              label="Note (optional)"
              autosize
              minRows={1}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldError(tick.error, "note")}
              maxLength={2000}
            />
            <TextInput
              label="Link to the result (optional)"
              placeholder="https://"
              type="url"
              value={link}
              onChange={(event) => setLink(event.currentTarget.value)}
              error={fieldError(tick.error, "link")}
              maxLength={500}
            />
          </>
        ) : null}
        <Group>
          <Button
            type="submit"
            loading={tick.isPending}
            leftSection={<IconCircleCheck size={16} aria-hidden />}
          >
            Tick step {index + 1}
          </Button>
          {!(isNext || withNote || tick.error) && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setWithNote(true)}
              aria-label={`Add a note or a link to step ${index + 1}`}
            >
              Add a note or a link
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function AskForm({ run, index, onDone }: { run: Run; index: number; onDone: () => void }) {
  const [question, setQuestion] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const update = useRunUpdate(run.id);
  const ask = useMutation({
    mutationFn: askQuestion,
    onSuccess: (saved) => {
      update(saved);
      setQuestion("");
      notifications.show({ message: "Question sent. The answer will show here." });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (question.trim() === "") {
      setProblem("Ask your question");
      return;
    }
    setProblem(undefined);
    ask.mutate({ runId: run.id, index, question: question.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError error={ask.error} inputs={["question"]} />
        <Textarea
          label={`Your question about step ${index + 1}`}
          autosize
          minRows={2}
          value={question}
          onChange={(event) => setQuestion(event.currentTarget.value)}
          error={problem ?? fieldError(ask.error, "question")}
          maxLength={2000}
        />
        <Group>
          <Button type="submit" variant="light" loading={ask.isPending}>
            Send question
          </Button>
          <Button variant="subtle" color="gray" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RunStep({ run, index, isNext }: { run: Run; index: number; isNext: boolean }) {
  const format = useInstantFormat();
  const [asking, setAsking] = useState(false);
  const update = useRunUpdate(run.id);
  const untick = useMutation({ mutationFn: uncheckStep, onSuccess: update });
  const step = run.version.steps[index];
  if (!step) return null;
  const progress = run.steps.find((item) => item.index === index);
  const done = progress?.checkedAt != null;
  const open = run.status === "open";
  const questions = run.questions.filter((question) => question.stepIndex === index);
  const headingId = `step-${index + 1}-heading`;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="md"
      data-testid={`run-step-${index + 1}`}
      style={
        isNext && open
          ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            Step {index + 1}
          </Title>
          {done ? (
            <Badge
              color="teal.9"
              variant="filled"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
            >
              Done
            </Badge>
          ) : isNext && open ? (
            <Badge variant="light">Next</Badge>
          ) : (
            <Badge color="gray" variant="light">
              To do
            </Badge>
          )}
        </Group>
        <StepContent step={step} number={index + 1} />

        {done && progress && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Ticked {progress.checkedAt !== null ? format.dateTime(progress.checkedAt) : ""}
            </Text>
            {progress.note && <Text size="sm">Your note: {progress.note}</Text>}
            {progress.link && (
              <Text size="sm">
                Your link:{" "}
                <Anchor href={progress.link} target="_blank" rel="noopener noreferrer nofollow">
                  {progress.link}
                </Anchor>
              </Text>
            )}
            {open && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={untick.isPending}
                  onClick={() => untick.mutate({ runId: run.id, index })}
                >
                  Untick step {index + 1}
                </Button>
              </Group>
            )}
            {untick.error ? <ErrorAlert error={untick.error} title="Still ticked" /> : null}
          </Stack>
        )}
        {!done && open && <TickForm run={run} index={index} isNext={isNext} />}

        {questions.length > 0 && (
          <Stack gap="xs">
            {questions.map((question) => (
              <Paper key={question.id} p="sm" radius="sm" bg="var(--mantine-color-default-hover)">
                <Stack gap={4}>
                  <Text size="sm">
                    <Text span fw={700}>
                      You asked:{" "}
                    </Text>
                    {question.question}
                  </Text>
                  {question.answer !== null ? (
                    <Text size="sm" data-testid="answer">
                      <Text span fw={700}>
                        Answer:{" "}
                      </Text>
                      {question.answer}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Waiting for an answer. It will show here.
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {open && (
          <>
            {!asking && (
              <Group>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconMessageQuestion size={16} aria-hidden />}
                  onClick={() => setAsking(true)}
                >
                  Ask a question about step {index + 1}
                </Button>
              </Group>
            )}
            <Collapse expanded={asking}>
              {asking && <AskForm run={run} index={index} onDone={() => setAsking(false)} />}
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function SubmitCard({ run }: { run: Run }) {
  const format = useInstantFormat();
  const update = useRunUpdate(run.id);
  const submit = useMutation({
    mutationFn: submitRun,
    onSuccess: (saved) => {
      update(saved);
      notifications.show({ message: "Handed in. Thank you!" });
    },
  });
  const done = run.steps.filter((item) => item.checkedAt !== null).length;
  const all = run.version.steps.length;

  if (run.status !== "open") {
    return (
      <Alert
        color="teal"
        bg="teal.0"
        variant="light"
        title={run.status === "accepted" ? "Accepted" : "Handed in"}
        icon={<IconCircleCheck aria-hidden />}
        data-testid="run-submitted"
      >
        You handed this checklist in
        {run.submittedAt !== null ? ` on ${format.dateTime(run.submittedAt)}` : ""}
        {run.status === "accepted" ? " and it is accepted." : "; it waits for review."}
      </Alert>
    );
  }
  return (
    <SectionCard title="Hand it in" description="When every step is ticked, hand the checklist in.">
      <FormError error={submit.error} inputs={[]} />
      <Group gap="md">
        <Button
          onClick={() => submit.mutate(run.id)}
          loading={submit.isPending}
          disabled={done < all}
          leftSection={<IconSend size={16} aria-hidden />}
        >
          Hand in the checklist
        </Button>
        <Text size="sm" role="status">
          {done < all ? `${all - done} of ${all} steps still to tick.` : "Every step is ticked."}
        </Text>
      </Group>
    </SectionCard>
  );
}

function RunView({ run }: { run: Run }) {
  const done = run.steps.filter((item) => item.checkedAt !== null).length;
  const all = run.version.steps.length;
  const next = run.version.steps.findIndex(
    (_step, index) => !run.steps.some((item) => item.index === index && item.checkedAt !== null),
  );
  return (
    <>
      <PageHeader title={run.title}>
        Due {dueDateText(run.dueDate)}, by the end of the day in your time zone ({run.timeZone}).
        Version {run.versionNumber}.
      </PageHeader>
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {done} of {all} steps done
            </Text>
            <Progress
              value={all === 0 ? 0 : (done / all) * 100}
              aria-label="Steps done"
              color={done === all ? "teal" : undefined}
            />
          </Stack>
        </Paper>
        <RunFeedback run={run} />
        {(run.version.purpose || run.version.definitionOfDone || run.version.tools.length > 0) && (
          <SectionCard title="What this is for">
            {run.version.purpose && <Text size="sm">{run.version.purpose}</Text>}
            {run.version.definitionOfDone && (
              <Text size="sm">
                <Text span fw={700}>
                  Done when:{" "}
                </Text>
                {run.version.definitionOfDone}
              </Text>
            )}
            {run.version.tools.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={700}>
                  Tools you need
                </Text>
                <List size="sm">
                  {run.version.tools.map((tool) => (
                    <List.Item key={tool}>{tool}</List.Item>
                  ))}
                </List>
                <Text size="xs" c="dimmed">
                  Logins are given to you separately, never in a procedure.
                </Text>
              </Stack>
            )}
          </SectionCard>
        )}
        {run.version.steps.map((_step, index) => (
          <RunStep key={index} run={run} index={index} isNext={index === next} />
        ))}
        <SubmitCard run={run} />
      </Stack>
    </>
  );
}

/** A checklist, worked step by step: tick, note, link, ask, and hand in. */
export function RunPage() {
  const { id = "" } = useParams();
  const run = useQuery({
    queryKey: runKey(id),
    queryFn: () => fetchRun(id),
    refetchInterval: POLL_MS,
  });
  return (
    <>
      <Anchor component={Link} to="/portal" size="sm" underline="hover">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Back to your portal
        </Group>
      </Anchor>
      {run.isError && (isApiError(run.error, 404) || isApiError(run.error, 400)) ? (
        <>
          <PageHeader title="Checklist not found" />
          <Text>It may have been removed, or it is not yours.</Text>
        </>
      ) : (
        <Loaded query={run}>{(data) => <RunView run={data} />}</Loaded>
      )}
    </>
  );
}
