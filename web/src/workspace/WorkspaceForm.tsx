import { Button, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Me, Workspace } from "../../../src/auth/schema.ts";
import { meKey } from "../auth/api.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { TimeZoneSelect } from "../app/components/TimeZoneSelect.tsx";
import { fieldError } from "../app/form.ts";
import { updateWorkspace, workspaceKey } from "./api.ts";

const inputs = ["name", "currency", "timeZone"];

/** The owner changes the workspace's name, currency and time zone. */
export function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [currency, setCurrency] = useState(workspace.currency);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const save = useMutation({
    mutationFn: updateWorkspace,
    onSuccess: (updated) => {
      queryClient.setQueryData(workspaceKey, updated);
      queryClient.setQueryData<Me | null>(meKey, (me) => me && { ...me, workspace: updated });
      notifications.show({ message: "Workspace settings saved." });
    },
  });
  const changes = {
    ...(name !== workspace.name && { name }),
    ...(currency !== workspace.currency && { currency }),
    ...(timeZone !== workspace.timeZone && { timeZone }),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(changes);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <TextInput
          label="Workspace name"
          description="Your business, as your team sees it"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(save.error, "name")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CurrencySelect
            description="Contracts, budgets and payments are in this currency"
            value={currency}
            onChange={setCurrency}
            error={fieldError(save.error, "currency")}
          />
          <TimeZoneSelect
            description="The business's own clock, for reports and reminders"
            value={timeZone}
            onChange={setTimeZone}
            error={fieldError(save.error, "timeZone")}
          />
        </SimpleGrid>
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={Object.keys(changes).length === 0}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
