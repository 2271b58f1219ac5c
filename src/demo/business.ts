/**
 * The example business a newcomer sees with `handoff demo`: a one-person online shop that
 * is ready to hand work off. Later areas add their part of the story here.
 */
export const demoBusiness = {
  workspaceName: "Maple Lane Candles",
  currency: "USD",
  timeZone: "America/Chicago",
  owner: { name: "Dana Whitfield", email: "dana@maplelane.example" },
  team: [
    {
      name: "Priya Raman",
      email: "priya@maplelane.example",
      role: "manager",
      timeZone: "America/Chicago",
    },
    {
      name: "Marco Santos",
      email: "marco.writes@example.com",
      role: "contractor",
      timeZone: "America/Sao_Paulo",
    },
    {
      name: "Olena Kovalenko",
      email: "olena.design@example.com",
      role: "contractor",
      timeZone: "Europe/Kyiv",
    },
    {
      name: "Jun dela Cruz",
      email: "jun.va@example.com",
      role: "contractor",
      timeZone: "Asia/Manila",
    },
  ],
  pendingInvites: [{ email: "seo.sam@example.com", role: "contractor" }],
} as const;
