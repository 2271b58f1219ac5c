import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { saveBudget } from "../metrics/budget-service.ts";
import { createSite, savePeriod } from "../metrics/service.ts";
import { addBarterSkill, createTask, listAreas, saveEarnings } from "../worth/service.ts";

/** The candle shop's week, as its owner audited it. Rates are per hour in cents; null = area estimate. */
const tasks = [
  { name: "Answer customer emails", area: "support", hours: 6, skill: 4, enjoyment: 2, rate: 1500 },
  { name: "Write blog posts", area: "content", hours: 5, skill: 4, enjoyment: 4, rate: 3000 },
  { name: "Product photos", area: "design", hours: 3, skill: 2, enjoyment: 3, rate: 4000 },
  { name: "Social media posting", area: "traffic", hours: 4, skill: 3, enjoyment: 2, rate: 1800 },
  { name: "Bookkeeping", area: "admin", hours: 2, skill: 2, enjoyment: 1, rate: 2500 },
  { name: "Keyword research", area: "SEO", hours: 2, skill: 1, enjoyment: 2, rate: null },
  { name: "Pack and ship orders", area: "admin", hours: 8, skill: 5, enjoyment: 2, rate: 1400 },
  { name: "Update shop theme", area: "web", hours: 1.5, skill: 2, enjoyment: 2, rate: 9000 },
  {
    name: "Supplier negotiations",
    area: "other",
    hours: 2,
    skill: 4,
    enjoyment: 4,
    rate: null,
    strategic: true,
  },
  {
    name: "New scent development",
    area: "research",
    hours: 4,
    skill: 5,
    enjoyment: 5,
    rate: null,
    strategic: true,
  },
  { name: "Weekly newsletter", area: "content", hours: 2, skill: 5, enjoyment: 5, rate: 3500 },
  {
    name: "Printed catalogue",
    area: "design",
    hours: 1,
    skill: 2,
    enjoyment: 1,
    rate: 4000,
    needed: false,
  },
] as const;

const sites = [
  { name: "Maple Lane shop", url: "https://maplelane.example", visitors: 9000, revenue: 1_050_000 },
  {
    name: "Candle-making blog",
    url: "https://blog.maplelane.example",
    visitors: 14_000,
    revenue: 240_000,
  },
];

/** The twelve months before `month` (YYYY-MM), oldest first. */
function lastTwelveMonths(month: string): string[] {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, back) => {
    const offset = year * 12 + (index - 1) - (12 - back);
    return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
  });
}

export async function seedWorthAndMetrics(ctx: AppContext, owner: Actor, month: string) {
  await saveEarnings(ctx, owner, {
    basis: "days",
    profitPerYear: 9_600_000,
    targetProfitPerYear: 15_000_000,
    daysPerYear: 250,
    hoursPerDay: 8,
  });
  await addBarterSkill(ctx, owner, "copywriting");
  const areas = new Map((await listAreas(ctx, owner)).map((area) => [area.name, area.id]));
  for (const task of tasks) {
    await createTask(ctx, owner, {
      name: task.name,
      areaId: areas.get(task.area) ?? "",
      hoursPerWeek: task.hours,
      skill: task.skill,
      enjoyment: task.enjoyment,
      strategic: "strategic" in task,
      needed: !("needed" in task),
      marketRate: task.rate,
    });
  }

  const months = lastTwelveMonths(month);
  for (const [siteIndex, site] of sites.entries()) {
    const { id } = await createSite(ctx, owner, { name: site.name, url: site.url });
    for (const [index, period] of months.entries()) {
      // Steady growth with a holiday peak, so the trend chart has a shape.
      const season = period.endsWith("-11") || period.endsWith("-12") ? 1.6 : 1;
      const growth = 1 + index * 0.03;
      const visitors = Math.round(site.visitors * growth * season);
      await savePeriod(ctx, owner, id, period, {
        visitors,
        prospects: Math.round(visitors * (siteIndex === 0 ? 0.06 : 0.035)),
        customers: Math.round(visitors * (siteIndex === 0 ? 0.021 : 0.004)),
        revenue: Math.round(site.revenue * growth * season),
        trafficCost: Math.round(site.revenue * 0.18 * growth),
        otherCosts: siteIndex === 0 ? 210_000 : 15_000,
      });
    }
  }
  await saveBudget(ctx, owner, {
    monthlyBudget: 350_000,
    minMonthlyProfit: 400_000,
    minMarginPercent: 25,
    reinvestPercent: 50,
    extraProfitOverride: null,
  });
}
