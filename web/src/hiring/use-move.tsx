import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Candidacy } from "../../../src/people/schema.ts";
import { moveCandidacy, refreshOpening, type Stage } from "./api.ts";
import { RejectDialog } from "./RejectDialog.tsx";
import { stageLabels } from "./stages.ts";

export interface Mover {
  /** False on a closed opening: the board is a record and nothing moves. */
  enabled: boolean;
  /** Moves a card; to "rejected" it first asks why. `onCancel` runs if the owner backs out. */
  move(candidacy: Candidacy, stage: Stage, position?: number, onCancel?: () => void): void;
  pending: boolean;
  /** The reason dialog; render it once on the page. */
  dialog: ReactNode;
}

/** Moving candidates on one opening, shared by the board, the list and each card's menu. */
export function useMove(openingId: string, enabled: boolean): Mover {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<{
    candidacy: Candidacy;
    position?: number;
    onCancel?: () => void;
  } | null>(null);
  const mutation = useMutation({
    mutationFn: moveCandidacy,
    onSuccess: (moved) => {
      setRejecting(null);
      notifications.show({
        message: `${moved.contractor.name} is in ${stageLabels[moved.stage]}.`,
      });
    },
    onError: (error) => {
      if (!rejecting) {
        notifications.show({ color: "red", title: "Not moved", message: error.message });
      }
    },
    onSettled: () => refreshOpening(queryClient, openingId),
  });

  return {
    enabled,
    move(candidacy, stage, position, onCancel) {
      if (stage === "rejected" && candidacy.stage !== "rejected") {
        mutation.reset();
        setRejecting({ candidacy, position, onCancel });
        return;
      }
      mutation.mutate({ id: candidacy.id, stage, position });
    },
    pending: mutation.isPending,
    dialog: (
      <RejectDialog
        name={rejecting?.candidacy.contractor.name ?? null}
        opened={rejecting !== null}
        onClose={() => {
          rejecting?.onCancel?.();
          setRejecting(null);
        }}
        onReject={(reason) => {
          if (!rejecting) return;
          mutation.mutate({
            id: rejecting.candidacy.id,
            stage: "rejected",
            position: rejecting.position,
            reason,
          });
        }}
        pending={mutation.isPending}
        error={rejecting ? mutation.error : null}
      />
    ),
  };
}
