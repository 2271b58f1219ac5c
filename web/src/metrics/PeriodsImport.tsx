import { Alert, Checkbox, List, Progress, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CsvButtons } from "../app/components/CsvButtons.tsx";
import { CsvProblems } from "../app/components/CsvProblems.tsx";
import { formatCount } from "../app/money.ts";
import { periodsCsvUrl, periodsImportUrl, refreshMetrics } from "./api.ts";
import { countLines, uploadCsv } from "./upload.ts";

type Stage =
  | { step: "idle" }
  | { step: "sending"; loaded: number; total: number; lines: number | null }
  | { step: "checking"; lines: number | null };

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

/**
 * Months from a spreadsheet, with the upload's progress shown for large files, then every
 * problem listed by line and column. All or nothing, unless the owner chooses otherwise.
 */
export function PeriodsImport({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [onlyValid, setOnlyValid] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      setStage({ step: "sending", loaded: 0, total: file.size, lines: null });
      let lines: number | null = null;
      // Counted while the file goes up; only used for the "Checking N lines" message.
      void countLines(file).then((count) => {
        lines = Math.max(0, count - 1);
        setStage((current) => (current.step === "idle" ? current : { ...current, lines }));
      });
      const url = `${periodsImportUrl}?mode=${onlyValid ? "valid" : "all"}`;
      return uploadCsv(url, file, {
        onProgress: ({ loaded, total }) => setStage({ step: "sending", loaded, total, lines }),
        onSent: () => setStage({ step: "checking", lines }),
      });
    },
    onSettled: () => setStage({ step: "idle" }),
    onSuccess: () => refreshMetrics(queryClient),
  });
  const result = upload.data;

  return (
    <Stack gap="md">
      <CsvButtons
        exportUrl={periodsCsvUrl}
        canImport={canEdit}
        onFile={(file) => upload.mutate(file)}
        busy={upload.isPending}
      />
      {canEdit && (
        <Checkbox
          label="Import the valid lines and skip the rest"
          description="Otherwise nothing is imported unless every line is right"
          checked={onlyValid}
          onChange={(event) => setOnlyValid(event.currentTarget.checked)}
          disabled={upload.isPending}
        />
      )}
      <Text size="xs" c="dimmed">
        Columns: site, month (like 2026-03), visitors, prospects, customers, revenue, traffic_cost,
        other_costs (amounts like 1250.00). Sites the file names that don't exist yet are added;
        months already recorded are replaced.
      </Text>
      <UploadProgress stage={stage} />
      {result && !upload.isPending && (
        <Alert
          color="indigo"
          title={`${formatCount(result.imported)} ${result.imported === 1 ? "month" : "months"} imported${result.skipped > 0 ? `, ${formatCount(result.skipped)} ${result.skipped === 1 ? "line" : "lines"} skipped` : ""}`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={upload.reset}
          data-testid="import-result"
        >
          {result.errors.length > 0 && (
            <List size="sm" spacing={2}>
              {result.errors.map((error) => (
                <List.Item key={`${error.line}-${error.column}`}>
                  <Text span size="sm" fw={600}>
                    line {error.line}: {error.column}
                  </Text>
                  : {error.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {!upload.isPending && <CsvProblems error={upload.error} onClose={upload.reset} />}
    </Stack>
  );
}

function UploadProgress({ stage }: { stage: Stage }) {
  if (stage.step === "idle") return null;
  if (stage.step === "sending") {
    const percent = stage.total > 0 ? Math.round((stage.loaded / stage.total) * 100) : 0;
    return (
      <Stack gap={4}>
        <Text size="sm" id="upload-progress-label">
          Uploading… {megabytes(stage.loaded)} of {megabytes(stage.total)} ({percent} %)
        </Text>
        <Progress
          value={percent}
          size="lg"
          aria-labelledby="upload-progress-label"
          transitionDuration={150}
        />
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" id="upload-progress-label" role="status">
        {stage.lines === null
          ? "Checking the file…"
          : `Checking ${formatCount(stage.lines)} ${stage.lines === 1 ? "line" : "lines"}…`}
      </Text>
      <Progress value={100} size="lg" striped animated aria-labelledby="upload-progress-label" />
    </Stack>
  );
}
