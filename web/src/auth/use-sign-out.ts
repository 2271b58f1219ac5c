import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { meKey, setupKey, signOut } from "./api.ts";

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      navigate("/sign-in", { replace: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== setupKey[0] });
      queryClient.setQueryData(meKey, null);
    },
    onError: (error) => {
      notifications.show({ color: "red", title: "Could not sign out", message: error.message });
    },
  });
}
