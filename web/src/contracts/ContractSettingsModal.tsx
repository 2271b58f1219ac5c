import { Button, Group, Modal, NumberInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ContractSettings } from "../../../src/contracts/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { MoneyInput } from "../app/components/MoneyInput.tsx";
import { fieldError } from "../app/form.ts";
import { amountText, readAmount } from "../app/money.ts";
import {
  contractSettingsKey,
  fetchContractSettings,
  refreshContracts,
  saveContractSettings,
} from "./api.ts";

function SettingsForm({ settings, onDone }: { settings: ContractSettings; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState(
    amountText(settings.hugeContractAmount, settings.currency),
  );
  const [share, setShare] = useState<number | string>(settings.maxShareBasisPoints / 100);
  const [thresholdProblem, setThresholdProblem] = useState<string>();
  const save = useMutation({
    mutationFn: saveContractSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(contractSettingsKey, saved);
      await refreshContracts(queryClient);
      notifications.show({ message: "Guard limits saved." });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(threshold, settings.currency);
    setThresholdProblem(reading.error);
    if (reading.error !== undefined || reading.cents === null) return;
    save.mutate({
      hugeContractAmount: reading.cents,
      maxShareBasisPoints: Math.round(Number(share) * 100),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          Never hand a huge project to one person: it may never get done. Before a contract is sent,
          it is flagged when it is worth more than this, or when one person would hold more than
          this share of your open contract value, overall or in one area.
        </Text>
        <FormError error={save.error} inputs={["hugeContractAmount", "maxShareBasisPoints"]} />
        <MoneyInput
          label="Most for one contract"
          currency={settings.currency}
          value={threshold}
          onChange={setThreshold}
          error={thresholdProblem ?? fieldError(save.error, "hugeContractAmount")}
          maw={260}
        />
        <NumberInput
          label="Most one person should hold"
          description="Of your open (sent and active) contract value"
          suffix=" %"
          min={10}
          max={100}
          decimalScale={2}
          value={share}
          onChange={setShare}
          error={fieldError(save.error, "maxShareBasisPoints")}
          maw={260}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save limits
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The owner's limits for the huge-project guard. */
export function ContractSettingsModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const settings = useQuery({
    queryKey: contractSettingsKey,
    queryFn: fetchContractSettings,
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Huge-project guard" centered>
      <Loaded query={settings}>
        {(loaded) => <SettingsForm settings={loaded} onDone={onClose} />}
      </Loaded>
    </Modal>
  );
}
