import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { fetchSetupStatus, setupKey } from "../auth/api.ts";
import { CenteredLayout } from "./CenteredLayout.tsx";
import { ErrorAlert } from "./components/ErrorAlert.tsx";
import { PageLoader } from "./components/Loading.tsx";

/** Until the first workspace exists, every address leads to setup; afterwards setup is closed. */
export function SetupGate() {
  const setup = useQuery({ queryKey: setupKey, queryFn: fetchSetupStatus, staleTime: Infinity });
  const { pathname } = useLocation();

  if (setup.isPending) return <PageLoader />;
  if (setup.isError) {
    return (
      <CenteredLayout>
        <ErrorAlert
          title="Handoff can't be reached"
          error={setup.error}
          onRetry={() => void setup.refetch()}
        />
      </CenteredLayout>
    );
  }
  if (setup.data.needed && pathname !== "/setup") return <Navigate to="/setup" replace />;
  if (!setup.data.needed && pathname === "/setup") return <Navigate to="/" replace />;
  return <Outlet />;
}
