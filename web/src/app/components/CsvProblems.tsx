import { Alert, List, ScrollArea, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../api.ts";

/**
 * Why an uploaded file was refused, line by line ("line 12: visitors — Use a whole number"),
 * so the owner can fix the file and upload it again.
 */
export function CsvProblems({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "The file could not be imported.";
  const problems = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert
      color="red"
      title={message}
      icon={<IconAlertCircle aria-hidden />}
      withCloseButton={onClose !== undefined}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {problems.length > 0 && (
        <>
          <Text size="sm" mb={6}>
            Fix {problems.length === 1 ? "this line" : "these lines"} in the file and upload it
            again:
          </Text>
          <ScrollArea.Autosize mah={240} type="auto">
            <List size="sm" spacing={2} data-testid="csv-problems">
              {problems.map(([where, problem]) => (
                <List.Item key={where}>
                  <Text span size="sm" fw={600}>
                    {where}
                  </Text>
                  : {problem}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      )}
    </Alert>
  );
}
