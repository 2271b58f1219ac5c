import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconSignature } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { Contract, ContractDocument } from "../../../src/contracts/schema.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { isApiError } from "../app/api.ts";
import { fieldError } from "../app/form.ts";
import {
  acceptContract,
  contractKey,
  documentKey,
  fetchContract,
  fetchDocument,
  pdfUrl,
  refreshContracts,
} from "../contracts/api.ts";
import {
  AcceptanceRecord,
  ContractFacts,
  ContractWork,
  StatusBadge,
} from "../contracts/ContractBits.tsx";
import { DocumentView } from "../contracts/DocumentView.tsx";

/** Typing one's name under the exact text read: the fingerprint of that text goes with it. */
function AcceptForm({ contract, document }: { contract: Contract; document: ContractDocument }) {
  const queryClient = useQueryClient();
  const [typedName, setTypedName] = useState("");
  const accept = useMutation({
    mutationFn: () => acceptContract(contract.id, { typedName, textHash: document.textHash }),
    onSuccess: async () => {
      await refreshContracts(queryClient);
      notifications.show({ message: "Accepted. The contract is active." });
    },
    onError: (error) => {
      if (isApiError(error, 409)) void refreshContracts(queryClient);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }
  return (
    <SectionCard
      title="Accept this contract"
      description="By typing your full name you accept the contract above, exactly as it is written. The time, your network address and a fingerprint of the text are recorded."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {isApiError(accept.error, 409) ? (
            <Alert color="yellow" title="The contract changed">
              {accept.error.message} The new version is shown above.
            </Alert>
          ) : accept.error && !fieldError(accept.error, "typedName") ? (
            <ErrorAlert error={accept.error} title="Not accepted" />
          ) : null}
          <TextInput
            label="Your full name"
            description={`As the contract gives it: ${contract.contractorName}`}
            value={typedName}
            onChange={(event) => setTypedName(event.currentTarget.value)}
            error={fieldError(accept.error, "typedName")}
            autoComplete="name"
            maw={420}
          />
          <Group>
            <Button
              type="submit"
              leftSection={<IconSignature size={16} aria-hidden />}
              loading={accept.isPending}
              disabled={typedName.trim() === ""}
            >
              I accept
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function ContractForContractor({ contract }: { contract: Contract }) {
  const document = useQuery({
    queryKey: documentKey(contract.id),
    queryFn: () => fetchDocument(contract.id),
  });
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/portal" size="sm">
          ← Your portal
        </Anchor>
        <Group gap="sm" align="center">
          <PageTitle>{contract.title}</PageTitle>
          <StatusBadge status={contract.status} />
        </Group>
        <Text c="dimmed">Version {contract.version}.</Text>
      </Stack>
      <Group>
        <Button
          variant="default"
          component="a"
          href={pdfUrl(contract.id)}
          download
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Download PDF
        </Button>
      </Group>
      {contract.status === "sent" && (
        <Alert color="yellow">
          Read the whole contract below. If you agree, type your name at the end to accept it.
        </Alert>
      )}
      <SectionCard title="At a glance">
        <ContractFacts contract={contract} />
      </SectionCard>
      <SectionCard title="The contract">
        <Loaded query={document}>
          {(loaded) => <DocumentView blocks={loaded.blocks} topLevel={3} />}
        </Loaded>
      </SectionCard>
      {contract.status === "sent" && document.data && (
        <AcceptForm contract={contract} document={document.data} />
      )}
      {contract.status !== "sent" && <AcceptanceRecord acceptance={contract.acceptance} />}
      <ContractWork contract={contract} />
    </Stack>
  );
}

/** A contractor's own contract: read it in full, accept it, download it. */
export function PortalContractPage() {
  const { id = "" } = useParams();
  const contract = useQuery({ queryKey: contractKey(id), queryFn: () => fetchContract(id) });
  return (
    <Loaded query={contract}>{(loaded) => <ContractForContractor contract={loaded} />}</Loaded>
  );
}
