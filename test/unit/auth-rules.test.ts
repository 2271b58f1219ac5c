import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actions,
  can,
  inviteStatus,
  lifetimes,
  permissionsOf,
  permissionTable,
  sessionExpiry,
  shouldTouchSession,
  type Actor,
  type Role,
} from "../../src/auth/rules.ts";

const roles: readonly Role[] = ["owner", "manager", "contractor"];
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

function actor(role: Role, workspaceId = "ws-1"): Actor {
  return { userId: "u-1", workspaceId, role, via: { kind: "command-line" } };
}

describe("can", () => {
  it("lets each role do exactly the actions its row of the table lists", () => {
    for (const role of roles) {
      for (const action of actions) {
        expect(can(actor(role), action), `${role} ${action}`).toBe(
          permissionTable[role].includes(action),
        );
      }
    }
  });

  it("lets the owner manage people and invites, but not a manager or contractor", () => {
    expect(can(actor("owner"), "people.manage")).toBe(true);
    expect(can(actor("manager"), "people.manage")).toBe(false);
    expect(can(actor("contractor"), "invites.manage")).toBe(false);
    expect(can(actor("manager"), "people.read")).toBe(true);
  });

  it("allows nothing on a resource of another workspace, even to its owner", () => {
    for (const action of actions) {
      expect(can(actor("owner", "ws-1"), action, { workspaceId: "ws-2" })).toBe(false);
    }
    expect(can(actor("owner", "ws-1"), "people.manage", { workspaceId: "ws-1" })).toBe(true);
  });
});

describe("the permission table", () => {
  it("gives a contractor only their portal, their own profile, their own contracts and checklists", () => {
    expect([...permissionTable.contractor].sort()).toEqual([
      "contracts.respond",
      "notifications.use",
      "portal.use",
      "profile.manage",
      "reports.write",
      "runs.work",
    ]);
  });

  it("lets everyone read their own notifications", () => {
    for (const role of roles) expect(permissionTable[role]).toContain("notifications.use");
  });

  it("names only known actions, each once per role", () => {
    for (const role of roles) {
      const listed = permissionTable[role];
      expect(new Set(listed).size).toBe(listed.length);
      for (const action of listed) expect(actions).toContain(action);
    }
  });

  it("lets everyone manage their own profile", () => {
    for (const role of roles) expect(permissionTable[role]).toContain("profile.manage");
  });

  it("gives a manager nothing the owner lacks", () => {
    for (const action of permissionTable.manager) {
      expect(permissionTable.owner).toContain(action);
    }
  });

  it("keeps the contractor portal, checklist work and contract replies for contractors only", () => {
    for (const action of ["portal.use", "runs.work", "contracts.respond"] as const) {
      expect(permissionTable.owner).not.toContain(action);
      expect(permissionTable.manager).not.toContain(action);
    }
    expect(permissionTable.contractor).not.toContain("shell.use");
  });

  it("lets only the owner move money, while a manager may review work and read payments", () => {
    expect(can(actor("owner"), "payments.manage")).toBe(true);
    expect(can(actor("manager"), "payments.manage")).toBe(false);
    expect(can(actor("manager"), "payments.read")).toBe(true);
    expect(can(actor("manager"), "work.review")).toBe(true);
    expect(can(actor("manager"), "contracts.settings")).toBe(false);
    expect(can(actor("contractor"), "work.review")).toBe(false);
    expect(can(actor("contractor"), "payments.read")).toBe(false);
  });

  it("lets staff run the work, only the owner change its settings, only contractors report", () => {
    expect(can(actor("manager"), "work.manage")).toBe(true);
    expect(can(actor("manager"), "work.settings")).toBe(false);
    expect(can(actor("owner"), "work.settings")).toBe(true);
    expect(can(actor("contractor"), "work.read")).toBe(false);
    expect(can(actor("contractor"), "reports.write")).toBe(true);
    expect(can(actor("owner"), "reports.write")).toBe(false);
  });

  it("lets only the owner set the readability bar or override it", () => {
    expect(can(actor("owner"), "sops.settings")).toBe(true);
    expect(can(actor("manager"), "sops.settings")).toBe(false);
    expect(can(actor("manager"), "sops.manage")).toBe(true);
    expect(can(actor("contractor"), "sops.read")).toBe(false);
  });

  it("hands out a copy, so a caller cannot widen a role", () => {
    const copy = permissionsOf("contractor");
    copy.push("people.manage");
    expect(permissionTable.contractor).not.toContain("people.manage");
    expect(can(actor("contractor"), "people.manage")).toBe(false);
  });
});

describe("inviteStatus", () => {
  const open = { acceptedAt: null, revokedAt: null, expiresAt: 1_000_000 };

  it("is pending until the last millisecond before expiry", () => {
    expect(inviteStatus(open, open.expiresAt - 1)).toBe("pending");
  });

  it("is expired at the exact moment of expiry", () => {
    expect(inviteStatus(open, open.expiresAt)).toBe("expired");
  });

  it("stays accepted or revoked after the expiry passes", () => {
    const later = open.expiresAt + DAY;
    expect(inviteStatus({ ...open, acceptedAt: 10 }, later)).toBe("accepted");
    expect(inviteStatus({ ...open, revokedAt: 10 }, later)).toBe("revoked");
  });

  it("counts an accepted invite as accepted even if it was also revoked", () => {
    expect(inviteStatus({ ...open, acceptedAt: 10, revokedAt: 20 }, 0)).toBe("accepted");
  });
});

describe("sessionExpiry", () => {
  it("ends a browser session 12 hours on", () => {
    expect(sessionExpiry(5_000, false)).toBe(5_000 + 12 * HOUR);
  });

  it("ends a remembered session 30 days on", () => {
    expect(sessionExpiry(5_000, true)).toBe(5_000 + 30 * DAY);
  });
});

describe("shouldTouchSession", () => {
  const lastSeen = 1_700_000_000_000;

  it("does not touch within the first minute", () => {
    expect(shouldTouchSession(lastSeen, lastSeen)).toBe(false);
    expect(shouldTouchSession(lastSeen, lastSeen + lifetimes.sessionTouch - 1)).toBe(false);
  });

  it("touches once a full minute has passed", () => {
    expect(lifetimes.sessionTouch).toBe(60_000);
    expect(shouldTouchSession(lastSeen, lastSeen + lifetimes.sessionTouch)).toBe(true);
  });

  it("does not touch when the clock reads earlier than the last touch", () => {
    expect(shouldTouchSession(lastSeen, lastSeen - 5_000)).toBe(false);
  });

  it("touches exactly when at least a minute has passed, for any instants", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.integer({ min: -DAY, max: DAY }),
        (last, elapsed) => {
          expect(shouldTouchSession(last, last + elapsed)).toBe(elapsed >= 60_000);
        },
      ),
    );
  });
});
