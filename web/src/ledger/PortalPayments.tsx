import { Badge, Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoneyFixed } from "../app/money.ts";
import { paymentsQuery, summaryQuery } from "./api.ts";
import { kindColors, kindLabels, methodLabels } from "./words.ts";

/**
 * The contractor's own payments in the portal: what they are owed and have been paid, and
 * each release, payout and bonus. They see nothing of the business's escrow or funds.
 */
export function PortalPayments() {
  const summary = useQuery(summaryQuery);
  const pages = useInfiniteQuery(paymentsQuery({}, 10));
  const format = useInstantFormat();
  return (
    <SectionCard
      title="Your payments"
      description="Accepted work is added to what you are owed; payouts are what was sent to you."
    >
      <Loaded query={summary}>
        {(data) =>
          data.people.length === 0 ? (
            <Text size="sm">
              Nothing yet: once your work is accepted and released, it shows up here.
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              {data.people.flatMap((line) => [
                <StatCard
                  key={`owed-${line.currency}`}
                  label={`Owed to you (${line.currency})`}
                  value={formatMoneyFixed(line.owed, line.currency)}
                  size="md"
                />,
                <StatCard
                  key={`paid-${line.currency}`}
                  label={`Paid to you (${line.currency})`}
                  value={formatMoneyFixed(line.paid, line.currency)}
                  size="md"
                />,
              ])}
            </SimpleGrid>
          )
        }
      </Loaded>
      <Loaded query={pages}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return null;
          return (
            <Stack gap="sm">
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>What</Table.Th>
                      <Table.Th ta="right">Amount</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          {format.date(item.createdAt)}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Badge color={kindColors[item.kind]} variant="filled" radius="sm">
                              {kindLabels[item.kind]}
                            </Badge>
                            {item.reversedById && (
                              <Badge color="red.9" variant="outline" radius="sm">
                                Reversed
                              </Badge>
                            )}
                          </Group>
                          <Text size="sm">{item.milestoneTitle ?? item.memo}</Text>
                          {item.method && (
                            <Text size="xs" c="dimmed">
                              {methodLabels[item.method]}
                              {item.reference ? ` · ${item.reference}` : ""}
                              {item.paidOn ? ` · ${item.paidOn}` : ""}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
                          {formatMoneyFixed(item.amount, item.currency)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages.hasNextPage && (
                <Group justify="center">
                  <Button
                    variant="default"
                    size="xs"
                    loading={pages.isFetchingNextPage}
                    onClick={() => void pages.fetchNextPage()}
                  >
                    Show older
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </Loaded>
    </SectionCard>
  );
}
