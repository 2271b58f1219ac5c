import { IconChecklist } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function WorkPage() {
  return (
    <AreaEmptyState
      area="Work"
      summary="Assignments, progress reports and milestones, as the work happens."
      icon={<IconChecklist size={30} />}
      title="See how the work is going"
    >
      Contractors' reports will arrive here: what they did, what's next, what's in the way, and
      their hours. Reports are daily at first and weekly once someone has earned your trust, and you
      are told when a report is missed or a milestone runs late.
    </AreaEmptyState>
  );
}
