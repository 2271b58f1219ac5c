import { IconCash } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function PaymentsPage() {
  return (
    <AreaEmptyState
      area="Payments"
      summary="Paying for accepted work, and rewarding the people who deliver."
      icon={<IconCash size={30} />}
      title="Never pay in advance"
    >
      Payments will be released here only for work you have accepted; escrow can hold the money
      until then. Bonuses and barter balances are kept in the same ledger, so your spend against
      your outsourcing budget is always up to date.
    </AreaEmptyState>
  );
}
