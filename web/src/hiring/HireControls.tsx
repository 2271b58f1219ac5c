import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Text,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { Evaluation } from "../../../src/people/schema.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { hire, inviteContractor, refreshCandidacy } from "./api.ts";
import { Caution } from "./Caution.tsx";
import { useMove } from "./use-move.tsx";

/** "Hire" (after seeing what is not checked yet), the portal invite that follows, and "Reject". */
export function HireControls({ evaluation }: { evaluation: Evaluation }) {
  const queryClient = useQueryClient();
  const { candidacy } = evaluation;
  const name = candidacy.contractor.name;
  const [confirming, setConfirming] = useState(false);
  const area = evaluation.opening.areaName;
  const testScored = evaluation.scorecard.criteria.some(
    (criterion) => criterion.criterion === "test_project" && criterion.score !== null,
  );
  const [level, setLevel] = useState("3");
  const [verified, setVerified] = useState(testScored);
  const [offer, setOffer] = useState<{ contractorId: string; canInvite: boolean } | null>(null);
  const mover = useMove(evaluation.opening.id, true);
  const hiring = useMutation({
    mutationFn: () =>
      hire(candidacy.id, area ? { level: Number(level), verified: testScored && verified } : null),
    onSuccess: async (result) => {
      setConfirming(false);
      setOffer({ contractorId: result.contractor.id, canInvite: result.canInvite });
      await refreshCandidacy(queryClient, candidacy.id, evaluation.opening.id);
    },
  });
  const missing = candidacy.missingChecks;
  const done = candidacy.stage === "hired" || candidacy.stage === "rejected";

  return (
    <>
      {!done && (
        <Group gap="sm">
          <Button
            color="teal.9"
            onClick={() => {
              // The test project may have been scored since the page opened.
              setVerified(testScored);
              setConfirming(true);
            }}
          >
            Hire {name}
          </Button>
          <Button variant="default" color="red" onClick={() => mover.move(candidacy, "rejected")}>
            Reject
          </Button>
        </Group>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Hire ${name}?`}
        centered
      >
        <Stack>
          {missing.length > 0 ? (
            <Caution title="Not everything is checked yet">
              <List size="sm">
                {missing.map((check) => (
                  <List.Item key={check.check}>{check.message}</List.Item>
                ))}
              </List>
            </Caution>
          ) : (
            <Text size="sm">Every check is done.</Text>
          )}
          <Text size="sm">
            {name} becomes an active contractor, with the record you already have.
          </Text>
          {area && (
            <Stack gap="xs">
              <Text size="sm" fw={500} id="hire-level-label">
                {name}&rsquo;s level in {area}
              </Text>
              <SegmentedControl
                aria-labelledby="hire-level-label"
                value={level}
                onChange={setLevel}
                data={["1", "2", "3", "4", "5"]}
              />
              {testScored && (
                <Checkbox
                  label="Verified: I have seen their test project"
                  checked={verified}
                  onChange={(event) => setVerified(event.currentTarget.checked)}
                />
              )}
            </Stack>
          )}
          {hiring.error ? <ErrorAlert error={hiring.error} title="That did not work" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="teal.9" loading={hiring.isPending} onClick={() => hiring.mutate()}>
              {missing.length > 0 ? "Hire anyway" : "Hire"}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {mover.dialog}
      <InviteOffer name={name} offer={offer} onClose={() => setOffer(null)} />
    </>
  );
}

function InviteOffer({
  name,
  offer,
  onClose,
}: {
  name: string;
  offer: { contractorId: string; canInvite: boolean } | null;
  onClose: () => void;
}) {
  const sending = useMutation({ mutationFn: inviteContractor });
  return (
    <Modal opened={offer !== null} onClose={onClose} title={`${name} is hired`} centered>
      <Stack>
        {sending.isSuccess ? (
          <Alert color="teal" bg="teal.0" icon={<IconCheck aria-hidden />} title="Invitation sent">
            {name} gets an email with a link to join the contractor portal.
          </Alert>
        ) : offer?.canInvite ? (
          <Text size="sm">
            Invite {name} to the contractor portal? There they keep their own time zone, working
            hours and contact details up to date, and later see their contracts and work.
          </Text>
        ) : (
          <Text size="sm">{name} already has a portal account or a pending invitation.</Text>
        )}
        {sending.error ? (
          <ErrorAlert error={sending.error} title="The invitation was not sent" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {sending.isSuccess || !offer?.canInvite ? "Close" : "Not now"}
          </Button>
          {offer?.canInvite && !sending.isSuccess && (
            <Button loading={sending.isPending} onClick={() => sending.mutate(offer.contractorId)}>
              Invite {name}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
