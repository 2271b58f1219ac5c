import { IconShieldCheck } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function GuardrailsPage() {
  return (
    <AreaEmptyState
      area="Guardrails"
      summary="Warnings before a mistake costs you time or money."
      icon={<IconShieldCheck size={30} />}
      title="Get warned before it goes wrong"
    >
      Warnings will appear here when you have fewer than two qualified people for a skill, when one
      person holds too large a share of your work, or when a contractor keeps slipping, with a
      suggested replacement from your bench. Reliable people are surfaced too, so they get more
      work.
    </AreaEmptyState>
  );
}
