import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { passwordPolicy } from "../../../src/auth/rules.ts";
import type { InvitePreview } from "../../../src/auth/schema.ts";
import { isApiError } from "../app/api.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loading } from "../app/components/Loading.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { PasswordField } from "../app/components/PasswordField.tsx";
import { TimeZoneSelect } from "../app/components/TimeZoneSelect.tsx";
import { instantFormat } from "../app/dates.ts";
import { fieldError } from "../app/form.ts";
import { defaultTimeZone } from "../app/locale.ts";
import { acceptInvite, previewInvite } from "./api.ts";
import { useEnter } from "./session.ts";

const inputs = ["name", "password", "timeZone"];

/** The API looked at the token and said no (as opposed to not answering). */
const isRefusal = (status: number) => status >= 400 && status < 500;

/** Where an invitation link leads: who it is for, then the new person's account. */
export function AcceptInvitePage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const preview = useQuery({
    queryKey: ["invite-preview", token],
    queryFn: () => previewInvite(token),
    enabled: token !== "",
    staleTime: Infinity,
  });

  if (!token || (preview.isError && isApiError(preview.error) && isRefusal(preview.error.status))) {
    return <UnusableInvite />;
  }
  if (preview.isPending) return <Loading label="Checking your invitation…" />;
  if (preview.isError) {
    return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  }
  return <AcceptInviteForm token={token} invite={preview.data} />;
}

function UnusableInvite() {
  return (
    <Stack gap="md">
      <PageTitle>This invitation can't be used</PageTitle>
      <Text>
        The link is incomplete, has already been used, or has expired. Ask the person who invited
        you to send a new one.
      </Text>
      <Text size="sm">
        Already have an account?{" "}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

function AcceptInviteForm({ token, invite }: { token: string; invite: InvitePreview }) {
  const enter = useEnter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const accept = useMutation({ mutationFn: acceptInvite, onSuccess: (me) => enter(me) });
  const expires = instantFormat(defaultTimeZone()).dateTime(invite.expiresAt);

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate({ token, name, password, timeZone });
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{`Join ${invite.workspaceName}`}</PageTitle>
        <Text>
          You're invited to {invite.workspaceName} as a{" "}
          {invite.role === "manager" ? "manager" : "contractor"}.{" "}
          {invite.role === "manager"
            ? "You'll help run the workspace: people, work and payments."
            : "You'll see your own contracts, assignments and payments here."}
        </Text>
        <Text size="sm" c="dimmed">
          Your account's email: <strong>{invite.email}</strong>. This invitation works until{" "}
          {expires}.
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={accept.error} inputs={inputs} />
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(accept.error, "name")}
          />
          <PasswordField
            label="Password"
            description={`Choose one of at least ${passwordPolicy.minLength} characters`}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(accept.error, "password")}
          />
          <TimeZoneSelect
            description="Deadlines and report times are shown in your time zone"
            value={timeZone}
            onChange={setTimeZone}
            error={fieldError(accept.error, "timeZone")}
          />
          <Button type="submit" size="md" loading={accept.isPending}>
            Accept invite
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
