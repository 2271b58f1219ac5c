import { Suspense } from "react";
import { Navigate, Outlet, useLocation, useMatches } from "react-router";
import { can, MeContext, signInPath, useMeQuery } from "../auth/session.ts";
import { CenteredLayout } from "./CenteredLayout.tsx";
import { ErrorAlert } from "./components/ErrorAlert.tsx";
import { Loading, PageLoader } from "./components/Loading.tsx";
import { OwnerShell } from "./OwnerShell.tsx";
import { PortalShell } from "./PortalShell.tsx";

/** Marks a route that signed-out visitors may see too (outside the shell). */
export const openToVisitors = { openToVisitors: true };

function isOpenToVisitors(handle: unknown): boolean {
  return (handle as typeof openToVisitors | undefined)?.openToVisitors === true;
}

/**
 * Pages for signed-in people, in the shell their role gets: the full app for owners and
 * managers, the portal for contractors. Visitors are sent to sign in and brought back after.
 */
export function SignedInLayout() {
  const me = useMeQuery();
  const location = useLocation();
  const openToAll = useMatches().some((match) => isOpenToVisitors(match.handle));

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <CenteredLayout>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </CenteredLayout>
    );
  }
  if (me.data === null) {
    if (openToAll) {
      return (
        <CenteredLayout>
          <Outlet />
        </CenteredLayout>
      );
    }
    return <Navigate to={signInPath(location)} replace />;
  }

  const Shell = can(me.data, "shell.use") ? OwnerShell : PortalShell;
  return (
    <MeContext value={me.data}>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Shell>
    </MeContext>
  );
}
