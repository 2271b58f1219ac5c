import { Button, Group, Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InviteView } from "../../../../src/auth/schema.ts";
import { ConfirmDialog } from "../../app/components/ConfirmDialog.tsx";
import { outboxKey } from "../../notify/api.ts";
import { invitesKey, resendInvite, revokeInvite } from "./api.ts";
import { IssuedInviteLink } from "./IssuedInvite.tsx";

/** A new link for an invitation that hasn't been accepted, or revoking a pending one. */
export function InviteActions({ invite }: { invite: InviteView }) {
  const queryClient = useQueryClient();
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: invitesKey });
    void queryClient.invalidateQueries({ queryKey: outboxKey });
  };
  const resend = useMutation({
    mutationFn: resendInvite,
    onSuccess: refresh,
    onError: (error) =>
      notifications.show({ color: "red", title: "No new link", message: error.message }),
  });
  const revoke = useMutation({
    mutationFn: revokeInvite,
    onSuccess: () => {
      setConfirmingRevoke(false);
      notifications.show({ message: `The invitation for ${invite.email} is revoked.` });
      refresh();
    },
  });

  if (invite.status === "accepted") return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        loading={resend.isPending}
        onClick={() => resend.mutate(invite.id)}
        aria-label={`Send a new link to ${invite.email}`}
      >
        New link
      </Button>
      {invite.status === "pending" && (
        <Button
          size="xs"
          variant="default"
          onClick={() => setConfirmingRevoke(true)}
          aria-label={`Revoke the invitation for ${invite.email}`}
        >
          Revoke
        </Button>
      )}
      <Modal
        opened={resend.data !== undefined}
        onClose={() => resend.reset()}
        title={`New link for ${invite.email}`}
        size="lg"
        centered
      >
        {resend.data && <IssuedInviteLink issued={resend.data} />}
      </Modal>
      <ConfirmDialog
        opened={confirmingRevoke}
        title={`Revoke the invitation for ${invite.email}?`}
        confirmLabel="Revoke invitation"
        onConfirm={() => revoke.mutate(invite.id)}
        onClose={() => setConfirmingRevoke(false)}
        pending={revoke.isPending}
        error={revoke.error}
      >
        The link stops working at once. You can send a new link later if you change your mind.
      </ConfirmDialog>
    </Group>
  );
}
