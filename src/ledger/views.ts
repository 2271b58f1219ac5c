import { reversibleKinds } from "./rules.ts";
import type { LedgerTransaction, PayoutMethod } from "./schema.ts";
import type { EntryRow, NamedTransactionRow } from "./store.ts";

/** A movement as the API shows it; a contractor is shown no entries (no escrow or funds). */
export function transactionView(
  row: NamedTransactionRow,
  entries: readonly EntryRow[],
  showEntries: boolean,
): LedgerTransaction {
  return {
    id: row.id,
    kind: row.kind,
    currency: row.currency,
    amount: Number(row.amount),
    contractId: row.contract_id,
    contractTitle: row.contract_title,
    milestoneId: row.milestone_id,
    milestoneTitle: row.milestone_title,
    contractorId: row.contractor_id,
    contractorName: row.contractor_name,
    barterId: row.barter_id,
    memo: row.memo,
    method: row.method as PayoutMethod | null,
    reference: row.reference,
    paidOn: row.paid_on,
    reversesId: row.reverses_id,
    reversedById: row.reversed_by_id,
    reversible: reversibleKinds.includes(row.kind) && row.reversed_by_id === null,
    createdAt: Number(row.created_at),
    entries: showEntries
      ? entries
          .filter((entry) => entry.transaction_id === row.id)
          .map((entry) => ({
            account: entry.kind,
            contractId: entry.contract_id,
            contractorId: entry.contractor_id,
            barterId: entry.barter_id,
            amount: entry.amount,
          }))
      : [],
  };
}
