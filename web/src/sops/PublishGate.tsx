import { Alert, Button, Divider, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { MIN_OVERRIDE_REASON, type Version } from "../../../src/sops/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";

/**
 * Publishing a draft that is hard to follow: say so, and offer to fix it, or (the owner only)
 * to let it go out as it is with a written reason that is kept.
 */
export function PublishGate({
  opened,
  onClose,
  score,
  canOverride,
  onFix,
  onPublish,
  pending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  score: Version["score"] | null;
  canOverride: boolean;
  onFix: () => void;
  onPublish: (overrideReason: string | null) => void;
  pending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < MIN_OVERRIDE_REASON) {
      setProblem("Explain in a sentence why it may go out as it is");
      return;
    }
    setProblem(undefined);
    onPublish(reason.trim());
  }

  return (
    <Modal opened={opened} onClose={onClose} title="This is hard to follow" size="lg" centered>
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Stack gap={6}>
            <Text size="sm">
              A layman may not be able to follow it. It can't be handed to a contractor as it is.
            </Text>
            {score && (
              <List size="sm">
                {score.reasons.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Alert>
        <Group>
          <Button onClick={onFix} data-autofocus>
            Fix the text
          </Button>
          <Button variant="default" loading={pending} onClick={() => onPublish(null)}>
            Publish it, not to hand over yet
          </Button>
        </Group>
        <Divider label="or" />
        {canOverride ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <FormError error={error} inputs={["overrideReason"]} />
              <Textarea
                label="Publish it as it is, because…"
                description="The reason is kept with the version. It may then be handed over."
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={problem ?? fieldError(error, "overrideReason")}
                maxLength={1000}
              />
              <Group justify="flex-end">
                <Button type="submit" color="red.8" loading={pending}>
                  Publish with this reason
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="sm">Only the owner can let a hard-to-follow procedure go out as it is.</Text>
        )}
      </Stack>
    </Modal>
  );
}
