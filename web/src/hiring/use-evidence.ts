import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshCandidacy } from "./api.ts";

/**
 * A change to one candidate's evidence: afterwards their page and the board are read again
 * (the score and missing checks move), and a short notice says what happened.
 */
export function useEvidence<Input, Output>(
  ids: { candidacyId: string; openingId: string },
  mutationFn: (input: Input) => Promise<Output>,
  done: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await refreshCandidacy(queryClient, ids.candidacyId, ids.openingId);
      notifications.show({ message: done });
    },
  });
}
