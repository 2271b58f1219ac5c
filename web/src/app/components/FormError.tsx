import { Alert, List } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { ApiError } from "../api.ts";

/**
 * Why a form was refused. Problems with a named input are shown under that input; the rest
 * (and the overall message) are listed here.
 */
export function FormError({ error, inputs }: { error: unknown; inputs: readonly string[] }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const others =
    error instanceof ApiError
      ? Object.entries(error.fields).filter(([name]) => !inputs.includes(name))
      : [];
  return (
    <Alert color="red" title={message} icon={<IconAlertCircle aria-hidden />}>
      {others.length > 0 && (
        <List size="sm">
          {others.map(([name, problem]) => (
            <List.Item key={name}>{problem}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
