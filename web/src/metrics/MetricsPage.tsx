import { Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { Loading } from "../app/components/Loading.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import {
  budgetKey,
  fetchBudget,
  fetchSites,
  fetchSummary,
  sitesKey,
  summaryKey,
  type MonthRange,
} from "./api.ts";
import { BudgetPanel } from "./BudgetPanel.tsx";
import { addMonths, currentMonth } from "./months.ts";
import { SitesPanel } from "./SitesPanel.tsx";
import { SummaryPanel } from "./SummaryPanel.tsx";

const tabs = ["summary", "sites", "budget"] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return tabs.includes(value as Tab);
}

/** Each site's numbers month by month, what they add up to, and what they let you spend. */
export function MetricsPage() {
  const me = useMe();
  const canEdit = can(me, "metrics.manage");
  const thisMonth = currentMonth(me.workspace.timeZone);
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get("tab");
  const tab: Tab = isTab(wanted) ? wanted : "summary";
  const sites = useQuery({ queryKey: sitesKey, queryFn: fetchSites });
  const budget = useQuery({ queryKey: budgetKey, queryFn: fetchBudget });
  // Every month there is, to find the latest: the range starts as the twelve months up to it.
  const everything = useQuery({ queryKey: summaryKey(null), queryFn: () => fetchSummary(null) });
  const latest = everything.data?.trend.at(-1)?.month ?? thisMonth;
  const range: MonthRange = {
    from: searchParams.get("from") ?? addMonths(latest, -11),
    to: searchParams.get("to") ?? latest,
  };

  function update(changes: Record<string, string | null>) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader title="Know your metrics">
        Each site's visitors, prospects, customers, revenue and costs, month by month, turned into
        rates, value per visitor, profit and margin — and from them, what you can afford to spend on
        outsourcing and what it will return.
      </PageHeader>
      <Tabs
        value={tab}
        onChange={(next) => update({ tab: next && next !== "summary" ? next : null })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="summary">Summary</Tabs.Tab>
          <Tabs.Tab value="sites">Sites and months</Tabs.Tab>
          <Tabs.Tab value="budget">Budget and ROI</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary">
          {everything.isPending ? (
            <Loading />
          ) : (
            <SummaryPanel range={range} onRangeChange={(next) => update({ ...next })} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <Loaded query={sites}>
            {(list) => (
              <SitesPanel
                sites={list}
                selectedId={searchParams.get("site")}
                onSelect={(site) => update({ site })}
                currency={me.workspace.currency}
                thisMonth={thisMonth}
                canEdit={canEdit}
              />
            )}
          </Loaded>
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <Loaded query={budget}>
            {(data) => <BudgetPanel budget={data} canEdit={canEdit} />}
          </Loaded>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
