import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { newIntentKey, refreshMoney } from "./api.ts";

/**
 * One money or delivery action from a dialog. The Idempotency-Key is made when the dialog's
 * form first renders (the dialog opening) and is sent with every attempt, so retrying after
 * an error or clicking twice is answered once.
 */
export function useMoneyAction<Input, Result>(
  action: (input: Input & { idempotencyKey: string }) => Promise<Result>,
  options: { done: (result: Result) => string; onDone: () => void },
) {
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIntentKey);
  return useMutation({
    mutationFn: (input: Input) => action({ ...input, idempotencyKey }),
    onSuccess: (result) => {
      void refreshMoney(queryClient);
      notifications.show({ message: options.done(result) });
      options.onDone();
    },
  });
}
