import { IconChartBar } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function MetricsPage() {
  return (
    <AreaEmptyState
      area="Metrics"
      summary="Each site's numbers, period by period, and what they let you spend."
      icon={<IconChartBar size={30} />}
      title="Know your numbers before you spend"
    >
      Your sites' visitors, prospects, customers, revenue and traffic cost will appear here by
      period, turned into conversion rates, value and cost per visitor, profit and margin. From them
      you will see the most you can spend on outsourcing and still keep the profit you want.
    </AreaEmptyState>
  );
}
