import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Run, RunSummary, Sop, Stuck } from "../../../src/sops/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { runReviewsQuery } from "../work/review-api.ts";
import {
  answerQuestion,
  fetchRun,
  fetchRuns,
  fetchStuck,
  POLL_MS,
  runKey,
  runsKey,
  sopRunsKey,
  stuckKey,
} from "./api.ts";
import { dueDateText, formatMinutes, RunProgress, RunStatus } from "./RunBits.tsx";
import { RunReviewPanel } from "./RunReviewPanel.tsx";

function AnswerForm({ runId, questionId }: { runId: string; questionId: string }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: answerQuestion,
    onSuccess: async () => {
      setAnswer("");
      await queryClient.invalidateQueries({ queryKey: runsKey });
      notifications.show({ message: "Answer sent." });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (answer.trim() === "") {
      setProblem("Write the answer");
      return;
    }
    setProblem(undefined);
    send.mutate({ runId, questionId, answer: answer.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <FormError error={send.error} inputs={["answer"]} />
        <Textarea
          label="Your answer"
          autosize
          minRows={2}
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={problem ?? fieldError(send.error, "answer")}
          maxLength={2000}
        />
        <Group>
          <Button type="submit" size="xs" loading={send.isPending}>
            Send answer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Where the run stands after it was started: handed in, or sent back and open again to be
 * fixed (it keeps the hand-in's time, so the latest decision says when it went back).
 */
function HandInWords({ run }: { run: Run }) {
  const format = useInstantFormat();
  const reviews = useQuery({ ...runReviewsQuery(run.id), enabled: run.submittedAt !== null });
  if (run.submittedAt === null) return null;
  if (run.status !== "open") return <> · submitted {format.dateTime(run.submittedAt)}</>;
  const latest = reviews.data?.reviews[0];
  return (
    <>
      {" "}
      · sent back
      {latest?.decision === "sent_back" && ` ${format.dateTime(latest.decidedAt)}`}
    </>
  );
}

/** One run as the owner sees it: each step's tick, time, note and link, and the questions. */
function RunDetail({ run }: { run: Run }) {
  const format = useInstantFormat();
  return (
    <Stack gap="sm">
      <Text size="sm">
        Version {run.versionNumber} · due {dueDateText(run.dueDate)} ({run.timeZone}) · started{" "}
        {format.dateTime(run.startedAt)}
        <HandInWords run={run} />
      </Text>
      <RunReviewPanel run={run} />
      {run.version.steps.map((step, index) => {
        const progress = run.steps.find((item) => item.index === index);
        const questions = run.questions.filter((question) => question.stepIndex === index);
        return (
          <Paper key={index} withBorder p="sm" radius="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" align="baseline">
                <Text size="sm" fw={700}>
                  {index + 1}. {step.instruction}
                </Text>
                {progress?.checkedAt ? (
                  <Badge color="teal.9" variant="filled">
                    Done · {formatMinutes(progress.minutes)}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Not done
                  </Badge>
                )}
              </Group>
              {progress?.note && <Text size="sm">Note: {progress.note}</Text>}
              {progress?.link && (
                <Text size="sm">
                  Link:{" "}
                  <Anchor href={progress.link} target="_blank" rel="noopener noreferrer nofollow">
                    {progress.link}
                  </Anchor>
                </Text>
              )}
              {questions.map((question) => (
                <Paper key={question.id} p="xs" radius="sm" bg="var(--mantine-color-default-hover)">
                  <Stack gap={4}>
                    <Text size="sm">
                      <Text span fw={700}>
                        Question ({format.dateTime(question.askedAt)}):{" "}
                      </Text>
                      {question.question}
                    </Text>
                    {question.answer !== null ? (
                      <Text size="sm">
                        <Text span fw={700}>
                          Your answer:{" "}
                        </Text>
                        {question.answer}
                      </Text>
                    ) : (
                      <AnswerForm runId={run.id} questionId={question.id} />
                    )}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function RunModal({ runId, onClose }: { runId: string | null; onClose: () => void }) {
  const run = useQuery({
    queryKey: runKey(runId ?? ""),
    queryFn: () => fetchRun(runId ?? ""),
    enabled: runId !== null,
    refetchInterval: POLL_MS,
  });
  return (
    <Modal
      opened={runId !== null}
      onClose={onClose}
      size="xl"
      title={run.data ? `${run.data.contractorName}: ${run.data.title}` : "Checklist"}
    >
      {runId !== null && <Loaded query={run}>{(data) => <RunDetail run={data} />}</Loaded>}
    </Modal>
  );
}

function RunsTable({ runs, onOpen }: { runs: RunSummary[]; onOpen: (id: string) => void }) {
  if (runs.length === 0) {
    return <Text size="sm">No checklists yet. Start one under Hand over.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="runs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contractor</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Open questions</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{run.contractorName}</Table.Td>
              <Table.Td>{run.versionNumber}</Table.Td>
              <Table.Td>
                {dueDateText(run.dueDate)}
                <Text size="xs" c="dimmed">
                  {run.timeZone}
                </Text>
              </Table.Td>
              <Table.Td>
                <RunProgress run={run} label={`${run.contractorName}'s progress`} />
              </Table.Td>
              <Table.Td>
                {run.openQuestions > 0 ? (
                  <Badge color="grape.8" variant="filled">
                    {run.openQuestions} to answer
                  </Badge>
                ) : (
                  <Text size="sm">None</Text>
                )}
              </Table.Td>
              <Table.Td>
                <RunStatus run={run} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onOpen(run.id)}
                  aria-label={`Open ${run.contractorName}'s checklist`}
                >
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function stuckCount(rows: Stuck): number {
  return rows.filter((row) => row.stuck).length;
}

/** Steps across every run: where people ask questions or take long is where the text needs work. */
function StuckSteps({ sopId }: { sopId: string }) {
  const stuck = useQuery({
    queryKey: stuckKey(sopId),
    queryFn: () => fetchStuck(sopId),
    refetchInterval: POLL_MS,
  });
  return (
    <Loaded query={stuck}>
      {(rows) =>
        rows.length === 0 ? (
          <Text size="sm">Nothing to show until someone works through a checklist.</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {stuckCount(rows) === 0
                ? "Nobody seems stuck anywhere."
                : `People get stuck on ${stuckCount(rows)} ${stuckCount(rows) === 1 ? "step" : "steps"}. Make the text plainer, split the step, or add an example.`}
            </Text>
            {/* Focusable, so the table can be scrolled sideways from the keyboard on a phone. */}
            <Table.ScrollContainer
              minWidth={680}
              type="native"
              tabIndex={0}
              role="region"
              aria-label="Where people get stuck"
            >
              <Table verticalSpacing="xs" data-testid="stuck-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>Step</Table.Th>
                    <Table.Th ta="right">Runs</Table.Th>
                    <Table.Th ta="right">Questions</Table.Th>
                    <Table.Th ta="right">Median time</Table.Th>
                    <Table.Th>Signal</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr
                      key={`${row.versionNumber}-${row.stepIndex}`}
                      bg={row.stuck ? "var(--mantine-color-orange-light)" : undefined}
                      data-stuck={row.stuck ? "true" : undefined}
                    >
                      <Table.Td>{row.versionNumber}</Table.Td>
                      <Table.Td>
                        {row.stepIndex + 1}. {row.instruction}
                      </Table.Td>
                      <Table.Td ta="right">{row.runs}</Table.Td>
                      <Table.Td ta="right">{row.questions}</Table.Td>
                      <Table.Td ta="right">{formatMinutes(row.medianMinutes)}</Table.Td>
                      <Table.Td>
                        {row.stuck ? (
                          <Group gap={6} wrap="nowrap" align="flex-start">
                            <IconAlertTriangle
                              size={16}
                              aria-hidden
                              color="var(--mantine-color-orange-8)"
                            />
                            <Stack gap={0}>
                              <Text size="sm" fw={700}>
                                People get stuck here
                              </Text>
                              {row.why && <Text size="xs">{row.why}</Text>}
                            </Stack>
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Fine
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      }
    </Loaded>
  );
}

/** Every checklist run of this procedure, live, and where people get stuck across them. */
export function RunsPanel({ sop }: { sop: Sop }) {
  const [open, setOpen] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: sopRunsKey(sop.id),
    queryFn: () => fetchRuns(sop.id),
    refetchInterval: POLL_MS,
  });
  return (
    <Stack gap="lg">
      <SectionCard
        title="Checklist runs"
        description="Progress as contractors tick steps, and their questions. This page looks again every 10 seconds."
      >
        <Loaded query={runs}>{(list) => <RunsTable runs={list} onOpen={setOpen} />}</Loaded>
      </SectionCard>
      <SectionCard
        title="Where people get stuck"
        description="Per step, across every run: a step with many questions or long times needs a plainer text."
      >
        <StuckSteps sopId={sop.id} />
      </SectionCard>
      <RunModal runId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
