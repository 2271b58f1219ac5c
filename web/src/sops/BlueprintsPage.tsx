import { IconListCheck } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function BlueprintsPage() {
  return (
    <AreaEmptyState
      area="Blueprints"
      summary="Your proven methods, written down step by step so anyone can follow them."
      icon={<IconListCheck size={30} />}
      title="Blueprint it, then delegate"
    >
      Each blueprint will be a task written in simple English, one action per step, until a layman
      can follow it. Handoff measures how easy it is to read and flags a hard one before you hand it
      over, and contractors will work through it here as a checklist.
    </AreaEmptyState>
  );
}
