import { Anchor, Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDownload, IconPencil, IconSend, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MIN_GUARD_REASON, type Contract } from "../../../src/contracts/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { can, useMe } from "../auth/session.ts";
import { Caution } from "../hiring/Caution.tsx";
import {
  completeContract,
  contractKey,
  deleteContract,
  documentKey,
  endContract,
  fetchContract,
  fetchDocument,
  fetchGuard,
  guardKey,
  pdfUrl,
  refreshContracts,
  sendContract,
} from "./api.ts";
import { AcceptanceRecord, ContractFacts, ContractWork, StatusBadge } from "./ContractBits.tsx";
import { DocumentView } from "./DocumentView.tsx";

/** The huge-project guard before sending: each flag in words, and sending only with a reason. */
function SendPanel({ contract }: { contract: Contract }) {
  const queryClient = useQueryClient();
  const guard = useQuery({
    queryKey: guardKey(contract.id),
    queryFn: () => fetchGuard(contract.id),
  });
  const [reason, setReason] = useState("");
  const send = useMutation({
    mutationFn: (guardReason?: string) => sendContract(contract.id, guardReason),
    onSuccess: async (sent) => {
      await refreshContracts(queryClient);
      notifications.show({ message: `Sent to ${sent.contractorName} to read and accept.` });
    },
  });
  return (
    <SectionCard
      title="Send it"
      description={`${contract.contractorName} gets an email with a link to read the contract and accept it in their portal.`}
    >
      <Loaded query={guard}>
        {({ flags }) =>
          flags.length === 0 ? (
            <Stack gap="sm">
              <Text size="sm">
                Nothing to warn about: the value and the shares are within your limits.
              </Text>
              <Group>
                <Button
                  leftSection={<IconSend size={16} aria-hidden />}
                  loading={send.isPending}
                  onClick={() => send.mutate(undefined)}
                >
                  Send to {contract.contractorName}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Caution title="Never assign a huge project to one person">
                <List size="sm" spacing="xs">
                  {flags.map((flag) => (
                    <List.Item key={flag.kind}>{flag.message}</List.Item>
                  ))}
                </List>
              </Caution>
              <Textarea
                label="Why send it anyway"
                description={`At least ${MIN_GUARD_REASON} characters; the reason is kept with the contract.`}
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={fieldError(send.error, "guardReason")}
              />
              <Group>
                <Button
                  color="orange"
                  leftSection={<IconSend size={16} aria-hidden />}
                  disabled={reason.trim().length < MIN_GUARD_REASON}
                  loading={send.isPending}
                  onClick={() => send.mutate(reason)}
                >
                  Send anyway with this reason
                </Button>
                <Button variant="default" component={Link} to={`/contracts/${contract.id}/edit`}>
                  Split it up instead
                </Button>
              </Group>
            </Stack>
          )
        }
      </Loaded>
      {send.error && !fieldError(send.error, "guardReason") ? (
        <ErrorAlert error={send.error} title="Not sent" />
      ) : null}
    </SectionCard>
  );
}

function EndDialog({
  contract,
  opened,
  onClose,
}: {
  contract: Contract;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () => endContract(contract.id, reason),
    onSuccess: async () => {
      await refreshContracts(queryClient);
      notifications.show({ message: "The contract is ended." });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="End the contract early" centered>
      <Stack>
        <Text size="sm">
          {contract.status === "sent"
            ? `The offer is withdrawn; ${contract.contractorName} can no longer accept it.`
            : `Work you have accepted stays paid; nothing more is due under this contract. Give ${contract.contractorName} the ${contract.noticeDays} days' notice it asks for.`}
        </Text>
        <Textarea
          label="Why it ends"
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(end.error, "reason")}
          data-autofocus
        />
        {end.error && !fieldError(end.error, "reason") ? (
          <ErrorAlert error={end.error} title="Not ended" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red.8" loading={end.isPending} onClick={() => end.mutate()}>
            End the contract
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Actions({ contract }: { contract: Contract }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [ending, setEnding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const canManage = can(me, "contracts.manage");
  const complete = useMutation({
    mutationFn: () => completeContract(contract.id),
    onSuccess: async () => {
      await refreshContracts(queryClient);
      notifications.show({ message: "Marked completed." });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteContract(contract.id),
    onSuccess: async () => {
      await refreshContracts(queryClient);
      notifications.show({ message: "Draft deleted." });
      void navigate("/contracts");
    },
  });
  const editable = contract.status === "draft" || contract.status === "sent";
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {canManage && editable && (
          <Button
            variant="default"
            component={Link}
            to={`/contracts/${contract.id}/edit`}
            leftSection={<IconPencil size={16} aria-hidden />}
          >
            Edit
          </Button>
        )}
        <Button
          variant="default"
          component="a"
          href={pdfUrl(contract.id)}
          download
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Download PDF
        </Button>
        {canManage && contract.status === "active" && (
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={complete.isPending}
            onClick={() => complete.mutate()}
          >
            Mark completed
          </Button>
        )}
        {canManage && (contract.status === "sent" || contract.status === "active") && (
          <Button variant="default" color="red" onClick={() => setEnding(true)}>
            End early
          </Button>
        )}
        {canManage && contract.status === "draft" && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setDeleting(true)}
          >
            Delete draft
          </Button>
        )}
      </Group>
      {complete.error ? <ErrorAlert error={complete.error} title="Not completed" /> : null}
      <EndDialog contract={contract} opened={ending} onClose={() => setEnding(false)} />
      <ConfirmDialog
        opened={deleting}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        “{contract.title}” was never sent; it is deleted with its planned milestones.
      </ConfirmDialog>
    </Stack>
  );
}

/** The contract document, as the contractor reads it. */
export function DocumentCard({ contractId }: { contractId: string }) {
  const document = useQuery({
    queryKey: documentKey(contractId),
    queryFn: () => fetchDocument(contractId),
  });
  return (
    <SectionCard title="The contract">
      <Loaded query={document}>
        {(loaded) => <DocumentView blocks={loaded.blocks} topLevel={3} />}
      </Loaded>
    </SectionCard>
  );
}

function ContractView({ contract }: { contract: Contract }) {
  const me = useMe();
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/contracts" size="sm">
          ← All contracts
        </Anchor>
        <Group gap="sm" align="center">
          <PageTitle>{contract.title}</PageTitle>
          <StatusBadge status={contract.status} />
        </Group>
        <Text c="dimmed">
          With {contract.contractorName}, version {contract.version}.
        </Text>
      </Stack>
      <Actions contract={contract} />
      {contract.guardReason && (
        <Caution title="Sent despite the guard's warnings">
          <Stack gap={6}>
            <List size="sm" spacing={4}>
              {contract.guardFlags.map((flag) => (
                <List.Item key={flag.kind}>{flag.message}</List.Item>
              ))}
            </List>
            <Text size="sm">
              <strong>Your reason:</strong> {contract.guardReason}
            </Text>
          </Stack>
        </Caution>
      )}
      {contract.status === "draft" && can(me, "contracts.manage") && (
        <SendPanel contract={contract} />
      )}
      <SectionCard title="At a glance">
        <ContractFacts contract={contract} />
      </SectionCard>
      <ContractWork contract={contract} />
      {contract.status !== "draft" && <AcceptanceRecord acceptance={contract.acceptance} />}
      <DocumentCard contractId={contract.id} />
    </Stack>
  );
}

/** One contract: its terms, the guard before sending, its money and work, and the document. */
export function ContractPage() {
  const { id = "" } = useParams();
  const contract = useQuery({ queryKey: contractKey(id), queryFn: () => fetchContract(id) });
  return <Loaded query={contract}>{(loaded) => <ContractView contract={loaded} />}</Loaded>;
}
