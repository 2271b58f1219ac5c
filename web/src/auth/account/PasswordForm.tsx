import { Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { passwordPolicy } from "../../../../src/auth/rules.ts";
import { FormError } from "../../app/components/FormError.tsx";
import { PasswordField } from "../../app/components/PasswordField.tsx";
import { fieldError } from "../../app/form.ts";
import { changePassword, sessionsKey } from "./api.ts";

const inputs = ["currentPassword", "newPassword"];

export function PasswordForm() {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      notifications.show({
        message: "Your password is changed. Your other devices are signed out.",
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={change.error} inputs={inputs} />
        <PasswordField
          label="Current password"
          required
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={fieldError(change.error, "currentPassword")}
        />
        <PasswordField
          label="New password"
          description={`At least ${passwordPolicy.minLength} characters. Your other devices will be signed out.`}
          required
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={fieldError(change.error, "newPassword")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
