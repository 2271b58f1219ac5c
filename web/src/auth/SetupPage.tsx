import { Button, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { passwordPolicy } from "../../../src/auth/rules.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { PasswordField } from "../app/components/PasswordField.tsx";
import { TimeZoneSelect } from "../app/components/TimeZoneSelect.tsx";
import { fieldError } from "../app/form.ts";
import { defaultCurrency, defaultTimeZone } from "../app/locale.ts";
import { completeSetup } from "./api.ts";
import { useEnter } from "./session.ts";

const inputs = ["workspaceName", "ownerName", "email", "password", "currency", "timeZone"];

/** First run: the workspace and the owner's account, in one step. */
export function SetupPage() {
  const enter = useEnter();
  const [workspaceName, setWorkspaceName] = useState("");
  const [ownerName, setOwnerName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [currency, setCurrency] = useState(defaultCurrency);
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const setup = useMutation({ mutationFn: completeSetup, onSuccess: (me) => enter(me) });

  function submit(event: FormEvent) {
    event.preventDefault();
    setup.mutate({ workspaceName, ownerName, email, password, currency, timeZone });
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>Welcome to Handoff</PageTitle>
        <Text>
          Handoff helps you work out what your hour is worth, hand off the work below it to people
          you trust, and pay only for work you have accepted.
        </Text>
        <Text c="dimmed" size="sm">
          This creates your workspace and its owner account: yours. You can invite managers and
          contractors once you are in.
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={setup.error} inputs={inputs} />
          <TextInput
            label="Workspace name"
            description="Your business, as your team will see it"
            required
            value={workspaceName}
            onChange={(event) => setWorkspaceName(event.currentTarget.value)}
            error={fieldError(setup.error, "workspaceName")}
          />
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={ownerName}
            onChange={(event) => setOwnerName(event.currentTarget.value)}
            error={fieldError(setup.error, "ownerName")}
          />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(setup.error, "email")}
          />
          <PasswordField
            label="Password"
            description={`At least ${passwordPolicy.minLength} characters; a short sentence is easy to remember`}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(setup.error, "password")}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <CurrencySelect
              description="What you pay people in"
              value={currency}
              onChange={setCurrency}
              error={fieldError(setup.error, "currency")}
            />
            <TimeZoneSelect
              description="Where your business keeps time"
              value={timeZone}
              onChange={setTimeZone}
              error={fieldError(setup.error, "timeZone")}
            />
          </SimpleGrid>
          <Button type="submit" size="md" loading={setup.isPending} mt="xs">
            Create workspace
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
