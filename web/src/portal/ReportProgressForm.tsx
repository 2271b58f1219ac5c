import { Button, Group, NumberInput, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { MAX_REPORT_LINKS } from "../../../src/work/schema.ts";
import { ApiError } from "../app/api.ts";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";
import { refreshWork, sendReport } from "../work/api.ts";

const inputs = ["done", "next", "blockers", "minutes", "links"];

/** Links typed one a line, blank lines left out. */
function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The contractor's progress report: what was done, what is next, what is in the way. */
export function ReportProgressForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState("");
  const [next, setNext] = useState("");
  const [blockers, setBlockers] = useState("");
  const [hours, setHours] = useState<number | string>("");
  const [links, setLinks] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: sendReport,
    onSuccess: async () => {
      await refreshWork(queryClient);
      notifications.show({ message: "Report sent. Thank you!" });
      onDone();
    },
  });
  const linkProblem =
    send.error instanceof ApiError
      ? Object.entries(send.error.fields).find(([name]) => name.startsWith("links"))?.[1]
      : undefined;
  const errorOf = (field: string) => problems[field] ?? fieldError(send.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (done.trim() === "") found.done = "Say what you did";
    if (next.trim() === "") found.next = "Say what you will do next";
    if (hours !== "" && (typeof hours !== "number" || hours < 0))
      found.minutes = "Enter the hours spent";
    if (linesOf(links).length > MAX_REPORT_LINKS) found.links = `At most ${MAX_REPORT_LINKS} links`;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    send.mutate({
      done,
      next,
      blockers,
      minutes: Math.round(Number(hours || 0) * 60),
      links: linesOf(links),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Textarea
          label="What did you do?"
          autosize
          minRows={3}
          value={done}
          onChange={(event) => setDone(event.currentTarget.value)}
          error={errorOf("done")}
          required
        />
        <Textarea
          label="What is next?"
          autosize
          minRows={2}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={errorOf("next")}
          required
        />
        <Textarea
          label="Anything in your way?"
          description="Leave empty when nothing blocks you. The owner sees it and can mark it resolved."
          autosize
          minRows={1}
          value={blockers}
          onChange={(event) => setBlockers(event.currentTarget.value)}
          error={errorOf("blockers")}
        />
        <NumberInput
          label="Hours spent"
          min={0}
          step={0.25}
          decimalScale={2}
          value={hours}
          onChange={setHours}
          error={errorOf("minutes")}
          w={{ base: "100%", xs: 200 }}
        />
        <Textarea
          label="Links"
          description="One a line: documents, designs, pull requests."
          autosize
          minRows={1}
          value={links}
          onChange={(event) => setLinks(event.currentTarget.value)}
          error={errorOf("links") ?? linkProblem}
        />
        {send.error && (
          <FormError
            error={send.error}
            inputs={[...inputs, ...linesOf(links).map((_, index) => `links.${index}`)]}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
