import { Button, Group, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "../../app/components/FormError.tsx";
import { TimeZoneSelect } from "../../app/components/TimeZoneSelect.tsx";
import { fieldError } from "../../app/form.ts";
import { meKey } from "../api.ts";
import { useMe } from "../session.ts";
import { updateProfile } from "./api.ts";

const inputs = ["name", "timeZone"];

/** The signed-in person's name and time zone. */
export function ProfileForm({ onDone }: { onDone?: () => void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      setName(updated.user.name);
      setTimeZone(updated.user.timeZone);
      notifications.show({ message: "Your profile is saved." });
      onDone?.();
    },
  });
  const unchanged = name === me.user.name && timeZone === me.user.timeZone;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      ...(name !== me.user.name && { name }),
      ...(timeZone !== me.user.timeZone && { timeZone }),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <TextInput
          label="Your name"
          required
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(save.error, "name")}
        />
        <TimeZoneSelect
          description="Dates and deadlines are shown in this time zone"
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(save.error, "timeZone")}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={unchanged}>
            Save profile
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
