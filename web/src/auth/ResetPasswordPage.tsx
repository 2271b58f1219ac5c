import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { passwordPolicy } from "../../../src/auth/rules.ts";
import { FormError } from "../app/components/FormError.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { PasswordField } from "../app/components/PasswordField.tsx";
import { fieldError } from "../app/form.ts";
import { confirmPasswordReset } from "./api.ts";
import type { SignInNotice } from "./SignInPage.tsx";

/** Where the emailed reset link leads: choose a new password. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: () => {
      const state: SignInNotice = {
        notice: "Your password is changed. Sign in with your new password.",
      };
      navigate("/sign-in", { replace: true, state });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate({ token, password });
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>Choose a new password</PageTitle>
        <Text c="dimmed" size="sm">
          Once it's changed, you are signed out everywhere and sign in again with the new one.
        </Text>
      </Stack>
      {token ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={reset.error} inputs={["password"]} />
            <PasswordField
              label="New password"
              description={`At least ${passwordPolicy.minLength} characters`}
              required
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldError(reset.error, "password")}
            />
            <Button type="submit" size="md" loading={reset.isPending}>
              Set new password
            </Button>
          </Stack>
        </form>
      ) : (
        <Text>This link is missing its code. Open the link from the email again.</Text>
      )}
      <Anchor component={Link} to="/forgot-password" size="sm">
        Ask for a new reset link
      </Anchor>
    </Stack>
  );
}
