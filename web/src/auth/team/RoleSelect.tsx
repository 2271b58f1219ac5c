import { NativeSelect } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Person } from "../../../../src/auth/schema.ts";
import { changeRole, peopleKey } from "./api.ts";
import { asAssignableRole, assignableRoleOptions, roleNames } from "./roles.ts";

/** Makes someone a manager or a contractor. */
export function RoleSelect({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: changeRole,
    onSuccess: (updated) => {
      notifications.show({
        message: `${updated.name} is now a ${roleNames[updated.role].toLowerCase()}.`,
      });
      void queryClient.invalidateQueries({ queryKey: peopleKey });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "Role not changed", message: error.message }),
  });
  return (
    <NativeSelect
      aria-label={`Role of ${person.name}`}
      size="xs"
      w={140}
      data={assignableRoleOptions}
      value={person.role}
      onChange={(event) =>
        change.mutate({ id: person.id, role: asAssignableRole(event.currentTarget.value) })
      }
      disabled={change.isPending}
    />
  );
}
