import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Person } from "../../../../src/auth/schema.ts";
import { ConfirmDialog } from "../../app/components/ConfirmDialog.tsx";
import { deactivatePerson, peopleKey, reactivatePerson } from "./api.ts";

/** Deactivate (after asking) or reactivate one person. */
export function PersonActions({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const settle = (message: string) => {
    setConfirming(false);
    notifications.show({ message });
    void queryClient.invalidateQueries({ queryKey: peopleKey });
  };
  const deactivate = useMutation({
    mutationFn: deactivatePerson,
    onSuccess: () => settle(`${person.name} is deactivated and signed out everywhere.`),
  });
  const reactivate = useMutation({
    mutationFn: reactivatePerson,
    onSuccess: () => settle(`${person.name} can sign in again.`),
    onError: (error) =>
      notifications.show({ color: "red", title: "That did not work", message: error.message }),
  });

  if (!person.active) {
    return (
      <Button
        size="xs"
        variant="default"
        loading={reactivate.isPending}
        onClick={() => reactivate.mutate(person.id)}
        aria-label={`Reactivate ${person.name}`}
      >
        Reactivate
      </Button>
    );
  }
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setConfirming(true)}
        aria-label={`Deactivate ${person.name}`}
      >
        Deactivate
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={`Deactivate ${person.name}?`}
        confirmLabel="Deactivate"
        onConfirm={() => deactivate.mutate(person.id)}
        onClose={() => setConfirming(false)}
        pending={deactivate.isPending}
        error={deactivate.error}
      >
        {person.name} is signed out at once, and their API tokens stop working. Their history stays.
        You can reactivate them later.
      </ConfirmDialog>
    </>
  );
}
