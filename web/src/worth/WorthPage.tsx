import { IconHourglass } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function WorthPage() {
  return (
    <AreaEmptyState
      area="Know your worth"
      summary="What an hour of your time is worth, and which of your tasks are worth less."
      icon={<IconHourglass size={30} />}
      title="Find out what your hour is worth"
    >
      Enter your profit and the hours you work, and your hourly value appears here: $50,000 a year
      over 2,080 hours is $24.04 an hour. List your tasks with what it would cost to outsource each
      one, and every task below your hourly value becomes a candidate to hand off. Don't do
      $10-an-hour work when you are worth $75.
    </AreaEmptyState>
  );
}
