import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Period, Site } from "../../../src/metrics/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { RowActions } from "../app/components/RowActions.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatCount, formatMoneyFixed } from "../app/money.ts";
import { deletePeriod, deleteSite, fetchPeriods, periodsKey, refreshMetrics } from "./api.ts";
import { FigureTd } from "./figures.tsx";
import { addMonths, formatMonth } from "./months.ts";
import { PeriodModal } from "./PeriodModal.tsx";
import { PeriodsImport } from "./PeriodsImport.tsx";
import { SiteModal } from "./SiteModal.tsx";

/** The owner's sites, each one's months of numbers, and CSV in and out. */
export function SitesPanel({
  sites,
  selectedId,
  onSelect,
  currency,
  thisMonth,
  canEdit,
}: {
  sites: Site[];
  selectedId: string | null;
  onSelect: (siteId: string) => void;
  currency: string;
  thisMonth: string;
  canEdit: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const selected = sites.find((site) => site.id === selectedId) ?? sites[0];
  return (
    <Stack gap="lg">
      <SectionCard
        title="Sites"
        description="Each website or shop whose numbers you track."
        aside={
          canEdit && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              Add site
            </Button>
          )
        }
      >
        {sites.length === 0 ? (
          <Text size="sm">
            No sites yet. Add your site, then record each month's visitors, prospects, customers,
            revenue and costs — or import them from a CSV file below.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Site</Table.Th>
                  <Table.Th>Address</Table.Th>
                  <Table.Th ta="right">Months</Table.Th>
                  {canEdit && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sites.map((site) => (
                  <Table.Tr key={site.id}>
                    <Table.Td fw={600}>{site.name}</Table.Td>
                    <Table.Td>
                      {site.url ? (
                        <Anchor href={site.url} target="_blank" rel="noreferrer" size="sm">
                          {site.url.replace(/^https?:\/\//, "")}
                        </Anchor>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          none
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{site.months}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <SiteActions site={site} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      {selected && (
        <SiteMonths
          key={selected.id}
          site={selected}
          sites={sites}
          onSelect={onSelect}
          currency={currency}
          thisMonth={thisMonth}
          canEdit={canEdit}
        />
      )}
      <SectionCard
        title="Import and export"
        description="Every site's months as a CSV file, or many months at once from one."
      >
        <PeriodsImport canEdit={canEdit} />
      </SectionCard>
      <SiteModal
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={(site) => onSelect(site.id)}
      />
    </Stack>
  );
}

function SiteActions({ site }: { site: Site }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: deleteSite,
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `${site.name} and its months are removed.` });
      refreshMetrics(queryClient);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <RowActions
        changeLabel={`Change ${site.name}`}
        removeLabel={`Remove ${site.name}`}
        onChange={() => setEditing(true)}
        onRemove={() => setConfirming(true)}
      />
      <SiteModal opened={editing} onClose={() => setEditing(false)} site={site} />
      <ConfirmDialog
        opened={confirming}
        title={`Remove ${site.name}?`}
        confirmLabel="Remove site"
        onConfirm={() => remove.mutate(site.id)}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        {site.months > 0
          ? `Its ${site.months} ${site.months === 1 ? "month" : "months"} of numbers go with it. Export them as CSV first if you may want them back.`
          : "It has no months of numbers yet."}
      </ConfirmDialog>
    </Group>
  );
}

function SiteMonths({
  site,
  sites,
  onSelect,
  currency,
  thisMonth,
  canEdit,
}: {
  site: Site;
  sites: Site[];
  onSelect: (siteId: string) => void;
  currency: string;
  thisMonth: string;
  canEdit: boolean;
}) {
  const periods = useQuery({ queryKey: periodsKey(site.id), queryFn: () => fetchPeriods(site.id) });
  const [adding, setAdding] = useState(false);
  const recorded = periods.data?.map((period) => period.month) ?? [];
  const latest = recorded.at(-1);
  const suggested = latest ? addMonths(latest, 1) : addMonths(thisMonth, -1);
  return (
    <SectionCard
      title={`Months for ${site.name}`}
      description="One row a month. Rates, profit and margin are worked out from the numbers you enter."
      aside={
        canEdit && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add a month
          </Button>
        )
      }
    >
      {sites.length > 1 && (
        <NativeSelect
          label="Site"
          data={sites.map((option) => ({ value: option.id, label: option.name }))}
          value={site.id}
          onChange={(event) => onSelect(event.currentTarget.value)}
          w={260}
        />
      )}
      <Loaded query={periods}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">No months yet for {site.name}.</Text>
          ) : (
            <PeriodsTable periods={list} site={site} currency={currency} canEdit={canEdit} />
          )
        }
      </Loaded>
      {adding && (
        <PeriodModal
          opened={adding}
          onClose={() => setAdding(false)}
          site={site}
          suggestedMonth={suggested > thisMonth ? thisMonth : suggested}
          recordedMonths={recorded}
          currency={currency}
        />
      )}
    </SectionCard>
  );
}

function PeriodsTable({
  periods,
  site,
  currency,
  canEdit,
}: {
  periods: Period[];
  site: Site;
  currency: string;
  canEdit: boolean;
}) {
  const money = (cents: number) => formatMoneyFixed(cents, currency);
  const newestFirst = [...periods].reverse();
  const recorded = periods.map((period) => period.month);
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table
        verticalSpacing="xs"
        highlightOnHover
        data-testid="periods-table"
        styles={{ td: { whiteSpace: "nowrap" } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th ta="right">Visitors</Table.Th>
            <Table.Th ta="right">Prospects</Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
            <Table.Th ta="right">Revenue</Table.Th>
            <Table.Th ta="right">Traffic cost</Table.Th>
            <Table.Th ta="right">Other costs</Table.Th>
            <Table.Th ta="right">Visitor&nbsp;→ prospect</Table.Th>
            <Table.Th ta="right">Visitor&nbsp;→ customer</Table.Th>
            <Table.Th ta="right">Prospect&nbsp;→ customer</Table.Th>
            <Table.Th ta="right">Profit</Table.Th>
            <Table.Th ta="right">Margin</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((period) => (
            <Table.Tr key={period.month}>
              {/* The month's buttons sit next to it, so they are in view however wide the table is. */}
              <Table.Td>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={600}>
                    {formatMonth(period.month)}
                  </Text>
                  {canEdit && (
                    <PeriodActions
                      period={period}
                      site={site}
                      currency={currency}
                      recorded={recorded}
                    />
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{formatCount(period.visitors)}</Table.Td>
              <Table.Td ta="right">{formatCount(period.prospects)}</Table.Td>
              <Table.Td ta="right">{formatCount(period.customers)}</Table.Td>
              <Table.Td ta="right">{money(period.revenue)}</Table.Td>
              <Table.Td ta="right">{money(period.trafficCost)}</Table.Td>
              <Table.Td ta="right">{money(period.otherCosts)}</Table.Td>
              <FigureTd
                figure={period.figures.visitorToProspect}
                kind="percent"
                currency={currency}
              />
              <FigureTd
                figure={period.figures.visitorToCustomer}
                kind="percent"
                currency={currency}
              />
              <FigureTd
                figure={period.figures.prospectToCustomer}
                kind="percent"
                currency={currency}
              />
              <Table.Td ta="right">{money(period.figures.profit)}</Table.Td>
              <FigureTd figure={period.figures.margin} kind="percent" currency={currency} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeriodActions({
  period,
  site,
  currency,
  recorded,
}: {
  period: Period;
  site: Site;
  currency: string;
  recorded: string[];
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const month = formatMonth(period.month);
  const remove = useMutation({
    mutationFn: deletePeriod,
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `${site.name}: ${month} removed.` });
      refreshMetrics(queryClient);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <RowActions
        changeLabel={`Change ${month}`}
        removeLabel={`Remove ${month}`}
        onChange={() => setEditing(true)}
        onRemove={() => setConfirming(true)}
      />
      {editing && (
        <PeriodModal
          opened={editing}
          onClose={() => setEditing(false)}
          site={site}
          period={period}
          suggestedMonth={period.month}
          recordedMonths={recorded}
          currency={currency}
        />
      )}
      <ConfirmDialog
        opened={confirming}
        title={`Remove ${month} for ${site.name}?`}
        confirmLabel="Remove month"
        onConfirm={() => remove.mutate({ siteId: site.id, month: period.month })}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        Its numbers leave the summary, the charts and the budget's profit.
      </ConfirmDialog>
    </Group>
  );
}
