import { Anchor, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { Report } from "../../../src/work/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { refreshWork, replyToReport, resolveBlocker } from "./api.ts";
import { hoursText } from "./words.ts";

function Part({ label, children }: { label: string; children: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * One progress report: done, next, blockers, hours and links, with its replies and a reply
 * box. Staff also see "Resolve" beside an open blocker.
 */
export function ReportCard({
  report,
  staffView,
}: {
  report: Report;
  /** The owner's feed: names the contractor and may resolve blockers. */
  staffView: boolean;
}) {
  const queryClient = useQueryClient();
  const format = useInstantFormat();
  const [reply, setReply] = useState("");
  const replyId = useId();
  const send = useMutation({
    mutationFn: () => replyToReport(report.id, reply),
    onSuccess: async () => {
      setReply("");
      await refreshWork(queryClient);
    },
  });
  const resolve = useMutation({
    mutationFn: () => resolveBlocker(report.id),
    onSuccess: () => refreshWork(queryClient),
  });
  const blocked = report.blockers !== "";

  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }

  return (
    <Paper withBorder radius="md" p="md" component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0}>
            <Title order={3} size="h5">
              {staffView ? report.contractorName : "Your report"}
            </Title>
            <Text size="xs" c="dimmed">
              Sent {format.dateTime(report.submittedAt)}
              {report.dueAt !== null && ` · for the report due ${format.dateTime(report.dueAt)}`}
            </Text>
          </Stack>
          <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
            {hoursText(report.minutes)}
          </Text>
        </Group>
        <Part label="Done">{report.done}</Part>
        <Part label="Next">{report.next}</Part>
        {blocked && (
          <Paper
            radius="sm"
            p="sm"
            bg={report.blockerResolvedAt === null ? "var(--mantine-color-red-light)" : undefined}
            withBorder={report.blockerResolvedAt !== null}
          >
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Part
                  label={report.blockerResolvedAt === null ? "Blocked by" : "Blocker (resolved)"}
                >
                  {report.blockers}
                </Part>
              </Box>
              {staffView && report.blockerResolvedAt === null && (
                <Button
                  size="xs"
                  variant="default"
                  loading={resolve.isPending}
                  style={{ flexShrink: 0 }}
                  onClick={() => resolve.mutate()}
                  aria-label={`Resolve the blocker in ${report.contractorName}'s report`}
                >
                  Resolve
                </Button>
              )}
            </Group>
            {resolve.error && <FormError error={resolve.error} inputs={[]} />}
          </Paper>
        )}
        {report.links.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Links
            </Text>
            {report.links.map((link) => (
              <Anchor
                key={link}
                href={link}
                target="_blank"
                rel="noreferrer"
                size="sm"
                style={{ overflowWrap: "anywhere" }}
              >
                {link}
              </Anchor>
            ))}
          </Stack>
        )}
        {report.replies.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {report.replies.map((item) => (
              <li key={item.id}>
                <Paper radius="sm" p="xs" bg="var(--mantine-color-default-hover)">
                  <Text size="xs" c="dimmed">
                    {item.authorName} · {format.dateTime(item.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {item.body}
                  </Text>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              id={replyId}
              label="Reply"
              placeholder={
                staffView ? "Thank them, answer a question, unblock them…" : "Answer here"
              }
              autosize
              minRows={1}
              maxRows={6}
              value={reply}
              onChange={(event) => setReply(event.currentTarget.value)}
              error={fieldError(send.error, "body")}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                size="xs"
                loading={send.isPending}
                disabled={reply.trim() === ""}
              >
                Send reply
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
