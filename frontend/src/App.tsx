import { Navigate, Route, Routes, useLocation } from "react-router";
import type { ReactNode } from "react";
import { Shell } from "./components/Shell";
import { Loading } from "./components/ui";
import { loginPath, useViewer } from "./lib/session";
import { WorkspaceProvider } from "./lib/workspace";
import { Login } from "./pages/auth/Login";
import { Register } from "./pages/auth/Register";
import { ForgotPassword } from "./pages/auth/ForgotPassword";
import { ResetPassword } from "./pages/auth/ResetPassword";
import { VerifyEmail } from "./pages/auth/VerifyEmail";
import { InvitationPage } from "./pages/invitations/InvitationPage";
import { Dashboard } from "./pages/dashboard/Dashboard";
import { WorkspaceList } from "./pages/workspaces/WorkspaceList";
import { WorkspaceDetail } from "./pages/workspaces/WorkspaceDetail";
import { Team } from "./pages/workspaces/Team";
import { Marketplace } from "./pages/marketplace/Marketplace";
import { Configure } from "./pages/marketplace/Configure";
import { ServiceDetail } from "./pages/services/ServiceDetail";
import { SmartHomeDetail } from "./pages/smarthomes/SmartHomeDetail";
import { Settings } from "./pages/settings/Settings";
import { Assistant } from "./pages/assistant/Assistant";
import { ThreadPage } from "./pages/assistant/Thread";
import { AIAdmin } from "./pages/admin/AIAdmin";
import { PlatformSettings } from "./pages/admin/PlatformSettings";
import { AdminUsers } from "./pages/admin/AdminUsers";
import { AdminTemplates } from "./pages/admin/AdminTemplates";
import { Consent } from "./pages/oauth/Consent";
import { Device } from "./pages/oauth/Device";
import { NotFound } from "./pages/NotFound";
import { Projects, ProjectsHome } from "./pages/projects/Projects";
import { Board } from "./pages/projects/Board";

/**
 * Signed-in pages: without a session, sign in first and come back (to the
 * full URL, query string included). `bare` pages (the OAuth consent and
 * device pages) stand alone, without the shell's workspaces.
 */
function RequireViewer({
  children,
  bare,
}: {
  children: ReactNode;
  bare?: boolean;
}) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!viewer)
    return (
      <Navigate to={loginPath(location.pathname + location.search)} replace />
    );
  return bare ? children : <WorkspaceProvider>{children}</WorkspaceProvider>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route path="/register" element={<Register />} />
      <Route path="/forgot-password" element={<ForgotPassword />} />
      <Route path="/reset-password" element={<ResetPassword />} />
      {/* Signed in or not: the e-mailed link is the proof. */}
      <Route path="/verify-email" element={<VerifyEmail />} />
      {/* Signed in or not: it shows the invitation either way. */}
      <Route path="/invitation" element={<InvitationPage />} />
      {/* OAuth: the server checked the client and redirect URI before serving this page. */}
      <Route
        path="/oauth2/authorize"
        element={
          <RequireViewer bare>
            <Consent />
          </RequireViewer>
        }
      />
      <Route
        path="/device"
        element={
          <RequireViewer bare>
            <Device />
          </RequireViewer>
        }
      />
      <Route
        element={
          <RequireViewer>
            <Shell />
          </RequireViewer>
        }
      >
        <Route index element={<Dashboard />} />
        <Route path="workspaces" element={<WorkspaceList />} />
        <Route path="workspaces/:slug" element={<WorkspaceDetail />} />
        <Route path="workspaces/:slug/team" element={<Team />} />
        <Route
          path="workspaces/:slug/smart-homes/:id"
          element={<SmartHomeDetail />}
        />
        <Route path="workspaces/:slug/assistant" element={<Assistant />} />
        <Route
          path="workspaces/:slug/assistant/:threadId"
          element={<ThreadPage />}
        />
        <Route path="workspaces/:slug/projects" element={<Projects />} />
        <Route path="projects" element={<ProjectsHome />} />
        <Route path="projects/:id" element={<Board />} />
        <Route path="marketplace" element={<Marketplace />} />
        <Route path="marketplace/:slug" element={<Configure />} />
        <Route path="services/:id/*" element={<ServiceDetail />} />
        <Route path="settings" element={<Settings />} />
        <Route path="admin/ai" element={<AIAdmin />} />
        <Route path="admin/settings" element={<PlatformSettings />} />
        <Route path="admin/users" element={<AdminUsers />} />
        <Route path="admin/templates" element={<AdminTemplates />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
