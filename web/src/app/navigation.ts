import {
  IconCash,
  IconChartBar,
  IconChecklist,
  IconFileCertificate,
  IconHourglass,
  IconLayoutDashboard,
  IconListCheck,
  IconSettings,
  IconShieldCheck,
  IconUserCircle,
  IconUserPlus,
  IconUserSearch,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";
import type { Action } from "../../../src/auth/rules.ts";

export interface Destination {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to people allowed to do this. */
  needs?: Action;
}

/** The outsourcing method, in the order the owner works through it. */
export const methodDestinations: Destination[] = [
  { label: "Dashboard", to: "/", icon: IconLayoutDashboard },
  { label: "Know your worth", to: "/worth", icon: IconHourglass },
  { label: "Metrics", to: "/metrics", icon: IconChartBar },
  { label: "Blueprints", to: "/blueprints", icon: IconListCheck },
  { label: "People", to: "/people", icon: IconUserSearch },
  { label: "Hiring", to: "/hiring", icon: IconUserPlus, needs: "hiring.read" },
  { label: "Contracts", to: "/contracts", icon: IconFileCertificate, needs: "contracts.read" },
  { label: "Work", to: "/work", icon: IconChecklist },
  { label: "Payments", to: "/payments", icon: IconCash },
  { label: "Guardrails", to: "/guardrails", icon: IconShieldCheck },
];

export const workspaceDestinations: Destination[] = [
  { label: "Team", to: "/team", icon: IconUsers, needs: "people.read" },
  { label: "Settings", to: "/settings", icon: IconSettings, needs: "workspace.read" },
  { label: "Account", to: "/account", icon: IconUserCircle },
];
