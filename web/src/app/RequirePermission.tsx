import type { ReactNode } from "react";
import { Outlet } from "react-router";
import type { Action } from "../../../src/auth/rules.ts";
import { can, useMe } from "../auth/session.ts";
import { NotAllowedPage } from "./NotAllowedPage.tsx";

/** Shows the page only to people allowed to see it; everyone else gets `otherwise`. */
export function RequirePermission({
  action,
  otherwise = <NotAllowedPage />,
  children,
}: {
  action: Action;
  otherwise?: ReactNode;
  children?: ReactNode;
}) {
  const me = useMe();
  if (!can(me, action)) return otherwise;
  return children ?? <Outlet />;
}
