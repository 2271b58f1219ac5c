import { IconFileCertificate } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function ContractsPage() {
  return (
    <AreaEmptyState
      area="Contracts"
      summary="Every deal in writing before the work starts."
      icon={<IconFileCertificate size={30} />}
      title="No work without a written contract"
    >
      Your contracts will be listed here, each with its expectations, deliverables, deadlines and
      payment terms: a fixed price split into milestones, an hourly rate with a weekly cap, or a
      monthly retainer. Contractors accept them in the app, and you are warned before one person
      holds too much of your open work.
    </AreaEmptyState>
  );
}
