import { Alert, Anchor, Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { lifetimes } from "../../../src/auth/rules.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loading } from "../app/components/Loading.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { PasswordField } from "../app/components/PasswordField.tsx";
import { fieldError } from "../app/form.ts";
import { signIn } from "./api.ts";
import { durationInWords } from "./durations.ts";
import { homePath, returnPath, useEnter, useMeQuery } from "./session.ts";

/** A message another page leaves for this one, e.g. after a password reset. */
export interface SignInNotice {
  notice?: string;
}

const inputs = ["email", "password"];

export function SignInPage() {
  const me = useMeQuery();
  const enter = useEnter();
  const [searchParams] = useSearchParams();
  const notice = (useLocation().state as SignInNotice | null)?.notice;
  const wanted = returnPath(searchParams.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(false);
  const attempt = useMutation({
    mutationFn: signIn,
    onSuccess: (signedIn) => enter(signedIn, wanted),
  });

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={wanted ?? homePath(me.data)} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    attempt.mutate({ email, password, remember });
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>Sign in</PageTitle>
        <Text c="dimmed" size="sm">
          Welcome back. Sign in with the email and password of your Handoff account.
        </Text>
      </Stack>
      {notice && !attempt.error && (
        <Alert color="indigo" icon={<IconCircleCheck aria-hidden />}>
          {notice}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={attempt.error} inputs={inputs} />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(attempt.error, "email")}
          />
          <PasswordField
            label="Password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(attempt.error, "password")}
          />
          <Group justify="space-between">
            <Checkbox
              label="Remember me"
              description={`Stay signed in on this device for ${durationInWords(lifetimes.rememberedSession)}`}
              checked={remember}
              onChange={(event) => setRemember(event.currentTarget.checked)}
            />
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" size="md" loading={attempt.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
