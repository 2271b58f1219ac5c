import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { CenteredLayout } from "./CenteredLayout.tsx";
import { Loading } from "./components/Loading.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RequirePermission } from "./RequirePermission.tsx";
import { RouteError } from "./RouteError.tsx";
import { SetupGate } from "./SetupGate.tsx";
import { openToVisitors, SignedInLayout } from "./SignedInLayout.tsx";

/** Each page is its own bundle, loaded the first time someone opens it. */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const SetupPage = page(() => import("../auth/SetupPage.tsx"), "SetupPage");
const SignInPage = page(() => import("../auth/SignInPage.tsx"), "SignInPage");
const ForgotPasswordPage = page(
  () => import("../auth/ForgotPasswordPage.tsx"),
  "ForgotPasswordPage",
);
const ResetPasswordPage = page(() => import("../auth/ResetPasswordPage.tsx"), "ResetPasswordPage");
const AcceptInvitePage = page(() => import("../auth/AcceptInvitePage.tsx"), "AcceptInvitePage");
const AccountPage = page(() => import("../auth/account/AccountPage.tsx"), "AccountPage");
const InboxPage = page(() => import("../notify/InboxPage.tsx"), "InboxPage");
const TeamPage = page(() => import("../auth/team/TeamPage.tsx"), "TeamPage");
const SettingsPage = page(() => import("../workspace/SettingsPage.tsx"), "SettingsPage");
const DashboardPage = page(() => import("../dashboard/DashboardPage.tsx"), "DashboardPage");
const PortalPage = page(() => import("../portal/PortalPage.tsx"), "PortalPage");
const WorthPage = page(() => import("../worth/WorthPage.tsx"), "WorthPage");
const MetricsPage = page(() => import("../metrics/MetricsPage.tsx"), "MetricsPage");
const BlueprintsPage = page(() => import("../sops/BlueprintsPage.tsx"), "BlueprintsPage");
const ProcedurePage = page(() => import("../sops/ProcedurePage.tsx"), "ProcedurePage");
const RunPage = page(() => import("../portal/RunPage.tsx"), "RunPage");
const SharedProcedurePage = page(
  () => import("../portal/SharedProcedurePage.tsx"),
  "SharedProcedurePage",
);
const PeoplePage = page(() => import("../people/PeoplePage.tsx"), "PeoplePage");
const PersonPage = page(() => import("../people/PersonPage.tsx"), "PersonPage");
const ChannelsPage = page(() => import("../people/ChannelsPage.tsx"), "ChannelsPage");
const HiringPage = page(() => import("../hiring/HiringPage.tsx"), "HiringPage");
const OpeningPage = page(() => import("../hiring/OpeningPage.tsx"), "OpeningPage");
const CandidatePage = page(() => import("../hiring/CandidatePage.tsx"), "CandidatePage");
const ContractsPage = page(() => import("../contracts/ContractsPage.tsx"), "ContractsPage");
const ContractPage = page(() => import("../contracts/ContractPage.tsx"), "ContractPage");
const ContractEditorPage = page(
  () => import("../contracts/ContractEditorPage.tsx"),
  "ContractEditorPage",
);
const PortalContractPage = page(
  () => import("../portal/PortalContractPage.tsx"),
  "PortalContractPage",
);
const WorkPage = page(() => import("../work/WorkPage.tsx"), "WorkPage");
const PaymentsPage = page(() => import("../ledger/PaymentsPage.tsx"), "PaymentsPage");
const BarterPage = page(() => import("../ledger/BarterPage.tsx"), "BarterPage");
const BarterAgreementPage = page(
  () => import("../ledger/BarterAgreementPage.tsx"),
  "BarterAgreementPage",
);
const GuardrailsPage = page(() => import("../guardrails/GuardrailsPage.tsx"), "GuardrailsPage");

function Centered({ width }: { width?: number }) {
  return (
    <CenteredLayout width={width}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </CenteredLayout>
  );
}

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: (
      <CenteredLayout>
        <RouteError />
      </CenteredLayout>
    ),
    children: [
      {
        element: <Centered width={600} />,
        children: [{ path: "setup", element: <SetupPage /> }],
      },
      {
        element: <Centered />,
        children: [
          { path: "sign-in", element: <SignInPage /> },
          { path: "forgot-password", element: <ForgotPasswordPage /> },
          { path: "reset-password", element: <ResetPasswordPage /> },
          { path: "invite", element: <AcceptInvitePage /> },
        ],
      },
      {
        element: <SignedInLayout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              {
                element: <RequirePermission action="shell.use" />,
                children: [
                  { index: true, element: <DashboardPage /> },
                  { path: "worth", element: <WorthPage /> },
                  { path: "metrics", element: <MetricsPage /> },
                  { path: "blueprints", element: <BlueprintsPage /> },
                  { path: "blueprints/:id", element: <ProcedurePage /> },
                  {
                    element: <RequirePermission action="contractors.read" />,
                    children: [
                      { path: "people", element: <PeoplePage /> },
                      { path: "people/channels", element: <ChannelsPage /> },
                      { path: "people/:id", element: <PersonPage /> },
                    ],
                  },
                  {
                    element: <RequirePermission action="hiring.read" />,
                    children: [
                      { path: "hiring", element: <HiringPage /> },
                      { path: "hiring/new", element: <HiringPage /> },
                      { path: "hiring/:id", element: <OpeningPage /> },
                      { path: "hiring/candidates/:id", element: <CandidatePage /> },
                    ],
                  },
                  {
                    element: <RequirePermission action="contracts.read" />,
                    children: [
                      { path: "contracts", element: <ContractsPage /> },
                      { path: "contracts/new", element: <ContractEditorPage /> },
                      { path: "contracts/:id", element: <ContractPage /> },
                      { path: "contracts/:id/edit", element: <ContractEditorPage /> },
                    ],
                  },
                  { path: "work", element: <WorkPage /> },
                  { path: "payments", element: <PaymentsPage /> },
                  {
                    element: <RequirePermission action="payments.read" />,
                    children: [
                      { path: "payments/barter", element: <BarterPage /> },
                      { path: "payments/barter/:id", element: <BarterAgreementPage /> },
                    ],
                  },
                  { path: "guardrails", element: <GuardrailsPage /> },
                  {
                    path: "team",
                    element: (
                      <RequirePermission action="people.read">
                        <TeamPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: "settings",
                    element: (
                      <RequirePermission action="workspace.read">
                        <SettingsPage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              {
                path: "portal",
                element: (
                  <RequirePermission action="portal.use" otherwise={<Navigate to="/" replace />}>
                    <PortalPage />
                  </RequirePermission>
                ),
              },
              {
                path: "portal/contracts/:id",
                element: (
                  <RequirePermission action="portal.use" otherwise={<Navigate to="/" replace />}>
                    <PortalContractPage />
                  </RequirePermission>
                ),
              },
              {
                path: "portal/runs/:id",
                element: (
                  <RequirePermission action="portal.use" otherwise={<Navigate to="/" replace />}>
                    <RunPage />
                  </RequirePermission>
                ),
              },
              {
                path: "portal/procedures/:id/versions/:number",
                element: (
                  <RequirePermission action="portal.use" otherwise={<Navigate to="/" replace />}>
                    <SharedProcedurePage />
                  </RequirePermission>
                ),
              },
              {
                path: "inbox",
                element: (
                  <RequirePermission action="notifications.use">
                    <InboxPage />
                  </RequirePermission>
                ),
              },
              {
                path: "account",
                element: (
                  <RequirePermission action="profile.manage">
                    <AccountPage />
                  </RequirePermission>
                ),
              },
              { path: "*", element: <NotFoundPage />, handle: openToVisitors },
            ],
          },
        ],
      },
    ],
  },
]);
