import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { lifetimes } from "../../../src/auth/rules.ts";
import { FormError } from "../app/components/FormError.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { fieldError } from "../app/form.ts";
import { requestPasswordReset } from "./api.ts";
import { durationInWords } from "./durations.ts";

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: requestPasswordReset });

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email);
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>Forgot your password?</PageTitle>
        <Text c="dimmed" size="sm">
          Enter the email of your account and we'll send you a link to choose a new password.
        </Text>
      </Stack>
      {request.isSuccess ? (
        <Alert color="indigo" title="Check your email" icon={<IconMailCheck aria-hidden />}>
          If an account exists for {request.variables}, we've emailed a link to choose a new
          password. The link works for {durationInWords(lifetimes.passwordReset)}.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={request.error} inputs={["email"]} />
            <TextInput
              label="Email"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(request.error, "email")}
            />
            <Button type="submit" size="md" loading={request.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        Back to sign in
      </Anchor>
    </Stack>
  );
}
