import { ActionIcon, Button } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useSignOut } from "../auth/use-sign-out.ts";

/** "Sign out", always in sight; on a phone just its icon. */
export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <>
      <Button
        visibleFrom="sm"
        variant="default"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
      <ActionIcon
        hiddenFrom="sm"
        variant="default"
        size="lg"
        aria-label="Sign out"
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        <IconLogout size={18} />
      </ActionIcon>
    </>
  );
}
