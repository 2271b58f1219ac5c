import { formatMoney } from "../money/amount.ts";

/**
 * A job post made from a procedure, ready to paste. Only what a stranger may read goes in:
 * the title, why the work matters, the result expected, the skill, hours and pay. Steps,
 * step details and tool names stay private.
 */

export interface JobFacts {
  title: string;
  purpose: string;
  definitionOfDone: string;
  skillArea: string | null;
  hoursPerWeek: number | null;
  /** Per hour, minor units. */
  hourlyRate: number | null;
  currency: string;
}

export const channels = [
  { channel: "referral", label: "Referral message" },
  { channel: "network", label: "Post for your network" },
  { channel: "upwork", label: "Upwork" },
  { channel: "guru", label: "Guru" },
  { channel: "peopleperhour", label: "PeoplePerHour" },
  { channel: "fiverr", label: "Fiverr request" },
] as const;

export type Channel = (typeof channels)[number]["channel"];

interface Section {
  heading: string | null;
  lines: string[];
  list?: boolean;
}

const screeningQuestions = [
  "Have you done this kind of work before? Please share one example.",
  "How many hours a week can you give this, and in which time zone?",
  "How do you like to report progress: email, chat or a short call?",
];

function pay(facts: JobFacts): string | null {
  if (facts.hourlyRate === null) return null;
  return `${formatMoney(facts.hourlyRate, facts.currency)} per hour`;
}

function workload(facts: JobFacts): string | null {
  if (facts.hoursPerWeek === null) return null;
  return `About ${facts.hoursPerWeek} hours a week`;
}

function sectionsFor(channel: Channel, facts: JobFacts): Section[] {
  const terms = [workload(facts), pay(facts)].filter((line): line is string => line !== null);
  const skill = facts.skillArea ? `Skill: ${facts.skillArea}` : null;
  if (channel === "referral") {
    return [
      {
        heading: null,
        lines: [
          `Hi! I'm looking for someone to help with "${facts.title}". ${facts.purpose}`.trim(),
          [terms.join(", "), "paid after each piece of work I accept."].filter(Boolean).join("; "),
          "Do you know someone good? I'd start them with a small paid test.",
        ],
      },
    ];
  }
  const test =
    "To apply, reply with the answers below. I'll pay a small test task first, then we go from there. Work is paid when it is accepted.";
  const full: Section[] = [
    { heading: null, lines: [facts.purpose].filter(Boolean) },
    { heading: "The result I need", lines: [facts.definitionOfDone].filter(Boolean) },
    {
      heading: "Details",
      lines: [skill, ...terms].filter((line): line is string => line !== null),
      list: true,
    },
    { heading: "How to apply", lines: [test] },
    { heading: "Questions", lines: screeningQuestions, list: true },
  ];
  if (channel === "fiverr") {
    // Requests on Fiverr are short: the result, the terms, one question.
    return [
      { heading: null, lines: [facts.definitionOfDone || facts.purpose].filter(Boolean) },
      { heading: null, lines: [[skill, ...terms].filter(Boolean).join(" · ")].filter(Boolean) },
      { heading: null, lines: [screeningQuestions[0] ?? ""] },
    ];
  }
  if (channel === "network") {
    return [
      { heading: null, lines: [`I'm hiring: ${facts.title}.`, facts.purpose].filter(Boolean) },
      ...full.slice(1, 4),
    ];
  }
  return full;
}

function titleFor(channel: Channel, facts: JobFacts): string {
  if (channel === "referral") return `Know someone for ${facts.title.toLowerCase()}?`;
  const area = facts.skillArea ? ` (${facts.skillArea})` : "";
  return `${facts.title}${area}`;
}

function render(title: string, sections: Section[], markdown: boolean): string {
  const blocks = [markdown ? `## ${title}` : title];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    const heading = section.heading
      ? markdown
        ? `**${section.heading}**\n`
        : `${section.heading}\n`
      : "";
    const body = section.list
      ? section.lines.map((line) => (markdown ? `- ${line}` : `• ${line}`)).join("\n")
      : section.lines.join("\n");
    blocks.push(`${heading}${body}`);
  }
  return `${blocks.join("\n\n")}\n`;
}

export function jobPosts(facts: JobFacts) {
  return channels.map(({ channel, label }) => {
    const title = titleFor(channel, facts);
    const sections = sectionsFor(channel, facts);
    return {
      channel,
      label,
      markdown: render(title, sections, true),
      text: render(title, sections, false),
    };
  });
}
