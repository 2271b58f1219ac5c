import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import {
  MIN_GUARD_REASON,
  type Contract,
  type ContractForm,
  type PaymentKind,
} from "../../../src/contracts/schema.ts";
import { ApiError } from "../app/api.ts";
import { CurrencySelect } from "../app/components/CurrencySelect.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { useReliable } from "../guardrails/api.ts";
import { ReliableHint } from "../guardrails/ReliableBadge.tsx";
import { reliableFirst } from "../guardrails/reliable-options.ts";
import { useCurrency } from "../app/money.ts";
import { contractorsKey, fetchContractors } from "../people/api.ts";
import { Caution } from "../hiring/Caution.tsx";
import { fetchSops, sopsKey } from "../sops/api.ts";
import { areasKey, fetchAreas } from "../worth/api.ts";
import {
  contractKey,
  createContract,
  fetchContract,
  refreshContracts,
  updateContract,
} from "./api.ts";
import { paymentKindLabels } from "./display.ts";
import { bodyOf, editorStateOf, newEditorState, type EditorState } from "./editor-state.ts";
import { MilestonesEditor } from "./MilestonesEditor.tsx";

const kinds: { value: PaymentKind; label: string }[] = (
  ["fixed", "hourly", "retainer"] as const
).map((kind) => ({ value: kind, label: paymentKindLabels[kind] }));

const discountUnits: Record<PaymentKind, string> = {
  fixed: "milestones",
  hourly: "hours",
  retainer: "months",
};

/** Asked when a change to a sent contract is flagged by the guard: go on only with a reason. */
function GuardReasonPrompt({
  message,
  pending,
  onSave,
}: {
  message: string;
  pending: boolean;
  onSave: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const short = reason.trim().length < MIN_GUARD_REASON;
  return (
    <Caution title="Think twice before changing it">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <Textarea
          label="Why go on anyway"
          description={`At least ${MIN_GUARD_REASON} characters; it is kept with the contract`}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group>
          <Button color="orange" disabled={short} loading={pending} onClick={() => onSave(reason)}>
            Save anyway with this reason
          </Button>
        </Group>
      </Stack>
    </Caution>
  );
}

function Editor({ contract }: { contract: Contract | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const currency = useCurrency();
  const [searchParams] = useSearchParams();
  // A guardrail's action may name who or which area the new contract is for.
  const [state, setState] = useState<EditorState>(() =>
    contract
      ? editorStateOf(contract)
      : {
          ...newEditorState(currency, searchParams.get("contractorId") ?? ""),
          areaId: searchParams.get("areaId") ?? "",
        },
  );
  const reliable = useReliable();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const people = useQuery({ queryKey: contractorsKey({}), queryFn: () => fetchContractors({}) });
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas });
  const sops = useQuery({ queryKey: sopsKey, queryFn: fetchSops });
  const save = useMutation({
    mutationFn: ({ body, guardReason }: { body: ContractForm; guardReason?: string }) =>
      contract ? updateContract(contract.id, { ...body, guardReason }) : createContract(body),
    onSuccess: async (saved) => {
      await refreshContracts(queryClient);
      notifications.show({
        message:
          contract?.status === "sent" && saved.version !== contract.version
            ? `Saved as version ${saved.version}; ${saved.contractorName} must accept it again.`
            : `“${saved.title}” saved.`,
      });
      void navigate(`/contracts/${saved.id}`);
    },
  });
  const errorOf = (field: string) => problems[field] ?? fieldError(save.error, field);
  const set = (next: Partial<EditorState>) => setState({ ...state, ...next });
  const guardError =
    save.error instanceof ApiError && save.error.code === "contract.guard_reason_required"
      ? save.error
      : null;

  function submit(event?: FormEvent, guardReason?: string) {
    event?.preventDefault();
    const read = bodyOf(state);
    setProblems(read.problems ?? {});
    if (read.body) save.mutate({ body: read.body, guardReason });
  }

  const inputs = [
    "contractorId",
    "areaId",
    "title",
    "scope",
    "deliverables",
    "startDate",
    "endDate",
    "workOwnership",
    "confidentiality",
    "noticeDays",
    "currency",
    "payment.total",
    "payment.milestones",
    "payment.hourlyRate",
    "payment.weeklyCapMinutes",
    "payment.monthlyAmount",
    "volumeDiscount.after",
    "volumeDiscount.basisPoints",
    "guardReason",
    ...state.milestones.flatMap((_, index) =>
      ["title", "deliverable", "dueDate", "amount"].map(
        (field) => `payment.milestones.${index}.${field}`,
      ),
    ),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {contract?.status === "sent" && (
          <Alert color="yellow">
            This contract is waiting for {contract.contractorName}. If you change its text, it
            becomes version {contract.version + 1} and they must read and accept it again.
          </Alert>
        )}
        {guardError ? (
          <GuardReasonPrompt
            message={guardError.message}
            pending={save.isPending}
            onSave={(reason) => submit(undefined, reason)}
          />
        ) : (
          <FormError error={save.error} inputs={inputs} />
        )}
        <SectionCard title="Who and what">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <NativeSelect
                label="Contractor"
                data={[
                  { value: "", label: "Choose a person" },
                  ...reliableFirst(
                    people.data ?? [],
                    (person) => ({ value: person.id, label: person.name }),
                    (person) => person.id,
                    reliable,
                  ),
                ]}
                value={state.contractorId}
                onChange={(event) => set({ contractorId: event.currentTarget.value })}
                error={errorOf("contractorId")}
                disabled={contract?.status === "sent"}
                description={
                  contract?.status === "sent" ? "Sent to them; it stays theirs" : undefined
                }
              />
              <ReliableHint person={reliable.get(state.contractorId)} />
            </Stack>
            <NativeSelect
              label="Area"
              description="The skill area, so no one person holds most of it"
              data={[
                { value: "", label: "No area" },
                ...(areas.data ?? []).map((area) => ({ value: area.id, label: area.name })),
              ]}
              value={state.areaId}
              onChange={(event) => set({ areaId: event.currentTarget.value })}
              error={errorOf("areaId")}
            />
          </SimpleGrid>
          {people.data?.length === 0 && (
            <Text size="sm">
              Nobody is in your directory yet.{" "}
              <Anchor component={Link} to="/people">
                Add the person first
              </Anchor>
              .
            </Text>
          )}
          <TextInput
            label="Title"
            value={state.title}
            onChange={(event) => set({ title: event.currentTarget.value })}
            error={errorOf("title")}
          />
          <Textarea
            label="Scope and expectations"
            description="What the work is and how it should be done. Markdown: **bold**, lists with -"
            autosize
            minRows={4}
            value={state.scope}
            onChange={(event) => set({ scope: event.currentTarget.value })}
            error={errorOf("scope")}
          />
          <Textarea
            label="Deliverables"
            description="What is handed over, in what form"
            autosize
            minRows={3}
            value={state.deliverables}
            onChange={(event) => set({ deliverables: event.currentTarget.value })}
            error={errorOf("deliverables")}
          />
          <MultiSelect
            label="Procedures to follow"
            description="Blueprints the contractor works by"
            data={(sops.data ?? []).map((sop) => ({
              value: sop.id,
              label: sop.title || "Untitled",
            }))}
            value={state.procedureIds}
            onChange={(procedureIds) => set({ procedureIds })}
            searchable
            clearable
            maxValues={20}
            error={errorOf("procedureIds")}
          />
        </SectionCard>

        <SectionCard title="Dates and reporting">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput
              type="date"
              label="Starts"
              description="The first day of work"
              value={state.startDate}
              onChange={(event) => set({ startDate: event.currentTarget.value })}
              error={errorOf("startDate")}
            />
            <TextInput
              type="date"
              label="Ends"
              description="Leave empty for no end date"
              value={state.endDate}
              onChange={(event) => set({ endDate: event.currentTarget.value })}
              error={errorOf("endDate")}
            />
            <NumberInput
              label="Notice to end"
              description="In days, either side"
              min={0}
              max={365}
              allowDecimal={false}
              value={state.noticeDays}
              onChange={(noticeDays) => set({ noticeDays })}
              error={errorOf("noticeDays")}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="cadence-label">
                Progress reports
              </Text>
              <Text size="xs" c="dimmed">
                How often the contractor reports
              </Text>
              <SegmentedControl
                aria-labelledby="cadence-label"
                data={[
                  { value: "daily", label: "Daily" },
                  { value: "weekly", label: "Weekly" },
                ]}
                value={state.reportCadence}
                onChange={(value) => set({ reportCadence: value as "daily" | "weekly" })}
              />
            </Stack>
          </SimpleGrid>
        </SectionCard>

        <SectionCard
          title="Payment"
          description="Never paid in advance: each milestone, week or month is paid once you accept the work."
        >
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kind-label">
              How it is paid
            </Text>
            <SegmentedControl
              aria-labelledby="kind-label"
              data={kinds}
              value={state.kind}
              onChange={(value) => set({ kind: value as PaymentKind })}
              style={{ alignSelf: "flex-start" }}
            />
          </Stack>
          <CurrencySelect
            value={state.currency}
            onChange={(code) => set({ currency: code })}
            error={errorOf("currency")}
          />
          {state.kind === "fixed" && (
            <>
              <MoneyInput
                label="Fixed price"
                currency={state.currency}
                value={state.total}
                onChange={(total) => set({ total })}
                error={errorOf("payment.total")}
                maw={260}
              />
              <MilestonesEditor state={state} onChange={setState} errorOf={errorOf} />
            </>
          )}
          {state.kind === "hourly" && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} maw={560}>
              <MoneyInput
                label="Hourly rate"
                currency={state.currency}
                value={state.hourlyRate}
                onChange={(hourlyRate) => set({ hourlyRate })}
                error={errorOf("payment.hourlyRate")}
              />
              <NumberInput
                label="Weekly cap, in hours"
                min={1}
                max={168}
                decimalScale={2}
                value={state.weeklyCapHours}
                onChange={(weeklyCapHours) => set({ weeklyCapHours })}
                error={errorOf("payment.weeklyCapMinutes")}
              />
            </SimpleGrid>
          )}
          {state.kind === "retainer" && (
            <MoneyInput
              label="Amount per month"
              currency={state.currency}
              value={state.monthlyAmount}
              onChange={(monthlyAmount) => set({ monthlyAmount })}
              error={errorOf("payment.monthlyAmount")}
              maw={260}
            />
          )}
          <Switch
            label="Volume discount"
            description={`A lower price after a number of ${discountUnits[state.kind]}`}
            checked={state.discountOn}
            onChange={(event) => set({ discountOn: event.currentTarget.checked })}
          />
          {state.discountOn && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} maw={560}>
              <NumberInput
                label={`After how many ${discountUnits[state.kind]}`}
                min={1}
                allowDecimal={false}
                value={state.discountAfter}
                onChange={(discountAfter) => set({ discountAfter })}
                error={errorOf("volumeDiscount.after")}
              />
              <NumberInput
                label="Discount"
                suffix=" %"
                min={0.01}
                max={99.99}
                decimalScale={2}
                value={state.discountPercent}
                onChange={(discountPercent) => set({ discountPercent })}
                error={errorOf("volumeDiscount.basisPoints")}
              />
            </SimpleGrid>
          )}
        </SectionCard>

        <SectionCard
          title="Ownership and confidentiality"
          description="Sensible defaults; change them if your deal is different."
        >
          <Textarea
            label="Who owns the work"
            autosize
            minRows={2}
            value={state.workOwnership}
            onChange={(event) => set({ workOwnership: event.currentTarget.value })}
            error={errorOf("workOwnership")}
          />
          <Textarea
            label="Confidentiality"
            autosize
            minRows={2}
            value={state.confidentiality}
            onChange={(event) => set({ confidentiality: event.currentTarget.value })}
            error={errorOf("confidentiality")}
          />
        </SectionCard>

        <Group justify="flex-end">
          <Button
            variant="default"
            component={Link}
            to={contract ? `/contracts/${contract.id}` : "/contracts"}
          >
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {contract ? "Save changes" : "Save draft"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Writing a new contract, or changing one that is not accepted yet. */
export function ContractEditorPage() {
  const { id } = useParams();
  const contract = useQuery({
    queryKey: contractKey(id ?? ""),
    queryFn: () => fetchContract(id ?? ""),
    enabled: id !== undefined,
  });
  if (id === undefined) {
    return (
      <>
        <PageHeader title="New contract">
          Write down the deal: what is expected, what is delivered by when, and how it is paid.
        </PageHeader>
        <Editor contract={null} />
      </>
    );
  }
  return (
    <Loaded query={contract}>
      {(loaded) => (
        <>
          <PageHeader title={`Edit ${loaded.title}`}>
            Version {loaded.version},{" "}
            {loaded.status === "draft" ? "a draft" : "sent, not yet accepted"}.
          </PageHeader>
          {loaded.status === "draft" || loaded.status === "sent" ? (
            <Editor contract={loaded} />
          ) : (
            <Alert color="gray">
              An accepted contract is fixed.{" "}
              <Anchor component={Link} to={`/contracts/${loaded.id}`}>
                Back to the contract
              </Anchor>
              .
            </Alert>
          )}
        </>
      )}
    </Loaded>
  );
}
