import type { Contract, ContractDocument, ContractForm } from "../../src/contracts/schema.ts";
import type { OwnProfile } from "../../src/people/schema.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { bodyOf, dollars, read } from "./worth.ts";

/**
 * Contracts for tests: a valid fixed-price draft by default, and the steps that take it to
 * active the way an owner and a contractor would.
 */

/** The contractor's directory record id, made from their account on their first portal visit. */
export async function contractorIdOf(contractor: ApiClient): Promise<string> {
  return (await read<OwnProfile>(contractor, "/api/portal/profile")).id;
}

/** $1,200 for a blog relaunch in three $400 milestones over April 2026. */
export function contractBody(
  contractorId: string,
  overrides: Partial<ContractForm> = {},
): ContractForm {
  return {
    contractorId,
    title: "Blog relaunch",
    scope:
      "Rewrite the **ten** most visited posts in plain English.\n\n- Keep the keywords\n- Add a call to action",
    deliverables: "Ten rewritten posts as Google Docs, with new titles and meta descriptions.",
    startDate: "2026-04-01",
    endDate: "2026-04-30",
    payment: {
      kind: "fixed",
      total: dollars(1200),
      milestones: [
        {
          title: "First three posts",
          deliverable: "Posts 1-3",
          dueDate: "2026-04-10",
          amount: dollars(400),
        },
        {
          title: "Next four posts",
          deliverable: "Posts 4-7",
          dueDate: "2026-04-20",
          amount: dollars(400),
        },
        {
          title: "Last three posts",
          deliverable: "Posts 8-10",
          dueDate: "2026-04-30",
          amount: dollars(400),
        },
      ],
    },
    ...overrides,
  };
}

export const hourlyPayment = {
  kind: "hourly",
  hourlyRate: dollars(25),
  weeklyCapMinutes: 20 * 60,
} as const;

/** The seed's ROI example: $250 a month. */
export const retainerPayment = { kind: "retainer", monthlyAmount: dollars(250) } as const;

export const contractUrl = (id: string) => `/api/contracts/${id}`;

export async function draftContract(
  owner: ApiClient,
  contractorId: string,
  overrides: Partial<ContractForm> = {},
): Promise<Contract> {
  return bodyOf<Contract>(
    await owner.post("/api/contracts", contractBody(contractorId, overrides)),
    201,
  );
}

/** A reason long enough for any guard flag: the first contract always gives one person 100 %. */
export const GUARD_REASON = "Only one writer knows our voice yet; a second one is being hired.";

export async function sendContract(owner: ApiClient, contractId: string): Promise<Contract> {
  return bodyOf<Contract>(
    await owner.post(`${contractUrl(contractId)}/send`, { guardReason: GUARD_REASON }),
  );
}

export async function documentOf(client: ApiClient, contractId: string): Promise<ContractDocument> {
  return read<ContractDocument>(client, `${contractUrl(contractId)}/document`);
}

/** The contractor reads the document and accepts it under the name the contract gives. */
export async function acceptContract(
  contractor: ApiClient,
  contract: Pick<Contract, "id" | "contractorName">,
): Promise<Contract> {
  const document = await documentOf(contractor, contract.id);
  return bodyOf<Contract>(
    await contractor.post(`${contractUrl(contract.id)}/accept`, {
      typedName: contract.contractorName,
      textHash: document.textHash,
    }),
  );
}

/** Drafted, sent and accepted: a contract the work and the money can run on. */
export async function activeContract(
  owner: ApiClient,
  contractor: ApiClient,
  overrides: Partial<ContractForm> = {},
): Promise<Contract> {
  const draft = await draftContract(owner, await contractorIdOf(contractor), overrides);
  await sendContract(owner, draft.id);
  return acceptContract(contractor, draft);
}

/** Every contract row of a workspace, as stored, to show a refused request changed nothing. */
export async function contractRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const db = app.ctx.db;
  const tables = [
    "contract_settings",
    "contracts",
    "contract_procedures",
    "contract_acceptances",
    "milestones",
  ] as const;
  const rows: unknown[] = [];
  for (const table of tables) {
    rows.push(
      await db.selectFrom(table).selectAll().where("workspace_id", "=", workspaceId).execute(),
    );
  }
  return rows;
}
