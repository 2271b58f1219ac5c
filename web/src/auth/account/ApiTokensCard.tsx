import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ApiTokenView } from "../../../../src/auth/schema.ts";
import { ConfirmDialog } from "../../app/components/ConfirmDialog.tsx";
import { CopyableText } from "../../app/components/CopyableText.tsx";
import { FormError } from "../../app/components/FormError.tsx";
import { Loaded } from "../../app/components/Loaded.tsx";
import { SectionCard } from "../../app/components/SectionCard.tsx";
import { useInstantFormat } from "../../app/dates.ts";
import { fieldError } from "../../app/form.ts";
import { apiTokensKey, createApiToken, fetchApiTokens, revokeApiToken } from "./api.ts";

function TokenRow({ token }: { token: ApiTokenView }) {
  const format = useInstantFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `The token "${token.name}" no longer works.` });
      void queryClient.invalidateQueries({ queryKey: apiTokensKey });
    },
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Text fw={600}>{token.name}</Text>
          <Text size="sm" c="dimmed">
            Starts with <code>{token.prefix}</code> · made {format.date(token.createdAt)} ·{" "}
            {token.lastUsedAt === null
              ? "never used"
              : `last used ${format.dateTime(token.lastUsedAt)}`}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="default"
          onClick={() => setConfirming(true)}
          aria-label={`Revoke the token ${token.name}`}
        >
          Revoke
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={`Revoke "${token.name}"?`}
        confirmLabel="Revoke token"
        onConfirm={() => revoke.mutate(token.id)}
        onClose={() => setConfirming(false)}
        pending={revoke.isPending}
        error={revoke.error}
      >
        Scripts using this token stop working at once. This can't be undone; you can make a new
        token.
      </ConfirmDialog>
    </Paper>
  );
}

function NewTokenForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: () => {
      setName("");
      void queryClient.invalidateQueries({ queryKey: apiTokensKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name);
  }

  return (
    <Stack gap="md">
      {create.data && (
        <Alert
          color="red"
          title={`Copy your new token "${create.data.apiToken.name}" now`}
          icon={<IconAlertTriangle aria-hidden />}
        >
          <Stack gap="sm">
            <Text size="sm">
              Keep it somewhere safe: it is shown only once, and anyone who has it can act as you.
            </Text>
            <CopyableText value={create.data.token} copyLabel="Copy token" testId="api-token" />
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" align="flex-start">
          <FormError error={create.error} inputs={["name"]} />
          <TextInput
            label="Token name"
            description="What will use it, e.g. a nightly export script"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(create.error, "name")}
            w="100%"
            maw={420}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** Personal API tokens: for scripts that use the HTTP API as this person. */
export function ApiTokensCard() {
  const tokens = useQuery({ queryKey: apiTokensKey, queryFn: fetchApiTokens });
  return (
    <SectionCard
      title="API tokens"
      description={
        <>
          For scripts and other tools. Send one as <code>Authorization: Bearer …</code>; it acts as
          you. The API is described at <Anchor href="/api/docs">/api/docs</Anchor>.
        </>
      }
    >
      <Loaded query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">You have no API tokens.</Text>
          ) : (
            <Stack gap="sm">
              {list.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </Stack>
          )
        }
      </Loaded>
      <NewTokenForm />
    </SectionCard>
  );
}
