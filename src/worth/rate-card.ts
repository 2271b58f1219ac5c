/**
 * A starting point for what an hour of each kind of work costs to have done: typical
 * freelance rates, labelled as estimates in the app and editable per area. Given only for
 * currencies we have figures for; elsewhere the owner fills them in.
 */
export const defaultAreas = [
  "content",
  "SEO",
  "design",
  "web",
  "traffic",
  "admin",
  "support",
  "research",
  "other",
] as const;

type RateCard = Record<(typeof defaultAreas)[number], number>;

const usd: RateCard = {
  content: 2500,
  SEO: 3000,
  design: 3500,
  web: 4000,
  traffic: 3000,
  admin: 1200,
  support: 1500,
  research: 2000,
  other: 2000,
};

function scaled(card: RateCard, factor: number): RateCard {
  return Object.fromEntries(
    Object.entries(card).map(([area, rate]) => [area, Math.round((rate * factor) / 100) * 100]),
  ) as RateCard;
}

const rateCards: Record<string, RateCard> = {
  USD: usd,
  EUR: scaled(usd, 0.95),
  GBP: scaled(usd, 0.8),
  CAD: scaled(usd, 1.35),
  AUD: scaled(usd, 1.5),
};

export function estimatedRate(currency: string, area: string): number | null {
  const card = rateCards[currency];
  return card && area in card ? card[area as keyof RateCard] : null;
}
