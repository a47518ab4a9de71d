import { IntentLink } from "@/app/components/intent-link";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Sign in · Residual" };

export default function SignInPage() {
  return (
    <main className="shell">
      <div className="topbar">
        <IntentLink href="/" className="brand">
          Residual
        </IntentLink>
      </div>
      <AuthForm mode="sign-in" />
      <p className="muted small">
        No account yet? <IntentLink href="/sign-up">Create one</IntentLink>.
      </p>
    </main>
  );
}
