import { Alert, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CsvButtons } from "../app/components/CsvButtons.tsx";
import { CsvProblems } from "../app/components/CsvProblems.tsx";
import { importTasks, refreshWorth, tasksCsvUrl } from "./api.ts";

/** The task list as a spreadsheet, out and back in (all or nothing). */
export function TasksCsv({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => importTasks(await file.text()),
    onSuccess: (result) => {
      refreshWorth(queryClient);
      notifications.show({
        message: `${result.imported} ${result.imported === 1 ? "task" : "tasks"} imported.`,
      });
    },
  });
  return (
    <Stack gap="sm">
      <CsvButtons
        exportUrl={tasksCsvUrl}
        canImport={canEdit}
        onFile={(file) => upload.mutate(file)}
        busy={upload.isPending}
      />
      <Text size="xs" c="dimmed">
        Columns: name, area, hours_per_week, skill, enjoyment, strategic, needed, market_rate (per
        hour, like 12.50). A file is imported whole or not at all; areas it names that don't exist
        yet are added.
      </Text>
      {upload.isSuccess && (
        <Alert color="indigo" withCloseButton closeButtonLabel="Dismiss" onClose={upload.reset}>
          {upload.data.imported} {upload.data.imported === 1 ? "task" : "tasks"} imported.
        </Alert>
      )}
      <CsvProblems error={upload.error} onClose={upload.reset} />
    </Stack>
  );
}
