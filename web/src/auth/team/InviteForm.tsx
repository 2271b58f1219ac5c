import { Alert, Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "../../app/components/FormError.tsx";
import { fieldError } from "../../app/form.ts";
import { outboxKey } from "../../notify/api.ts";
import { createInvite, invitesKey, type AssignableRole } from "./api.ts";
import { IssuedInviteLink } from "./IssuedInvite.tsx";
import { asAssignableRole, assignableRoleOptions } from "./roles.ts";

const inputs = ["email", "role"];

/** Invite someone by email; the link is shown here whether or not it could be emailed. */
export function InviteForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<AssignableRole>("contractor");
  const invite = useMutation({
    mutationFn: createInvite,
    onSuccess: () => {
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: invitesKey });
      void queryClient.invalidateQueries({ queryKey: outboxKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role });
  }

  return (
    <Stack gap="md">
      {invite.data && (
        <Alert
          color="indigo"
          title={`Invite ready for ${invite.data.invite.email}`}
          icon={<IconMailForward aria-hidden />}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => invite.reset()}
        >
          <IssuedInviteLink issued={invite.data} />
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={invite.error} inputs={inputs} />
          <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
            <TextInput
              label="Email"
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(invite.error, "email")}
              miw={220}
            />
            <NativeSelect
              label="Role"
              data={assignableRoleOptions}
              value={role}
              onChange={(event) => setRole(asAssignableRole(event.currentTarget.value))}
              error={fieldError(invite.error, "role")}
              miw={180}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              Send invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
