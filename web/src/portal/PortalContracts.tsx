import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatMoney } from "../app/money.ts";
import { contractListKey, fetchContracts } from "../contracts/api.ts";
import { StatusBadge } from "../contracts/ContractBits.tsx";
import { paymentKindLabels, termText } from "../contracts/display.ts";

export const portalContractPath = (id: string) => `/portal/contracts/${encodeURIComponent(id)}`;

/** The contractor's contracts: the ones waiting for them first. */
export function PortalContractsCard() {
  const contracts = useQuery({ queryKey: contractListKey({}), queryFn: () => fetchContracts() });
  return (
    <SectionCard
      title="Your contracts"
      description="Read each one in full before you accept it. You are paid for each piece of work once it is accepted."
    >
      <Loaded query={contracts}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">No contracts for you yet.</Text>
          ) : (
            <Stack gap="sm">
              {[...list]
                .sort((a, b) => Number(b.status === "sent") - Number(a.status === "sent"))
                .map((contract) => (
                  <Group key={contract.id} justify="space-between" gap="sm" wrap="wrap">
                    <Stack gap={0}>
                      <Anchor component={Link} to={portalContractPath(contract.id)} fw={600}>
                        {contract.status === "sent"
                          ? `Read and accept: ${contract.title}`
                          : contract.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {paymentKindLabels[contract.paymentKind]},{" "}
                        {formatMoney(contract.value, contract.currency)} ·{" "}
                        {termText(contract.startDate, contract.endDate)}
                      </Text>
                    </Stack>
                    <StatusBadge status={contract.status} />
                  </Group>
                ))}
            </Stack>
          )
        }
      </Loaded>
    </SectionCard>
  );
}
