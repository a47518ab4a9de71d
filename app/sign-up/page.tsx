import { IntentLink } from "@/app/components/intent-link";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Create account · Residual" };

export default function SignUpPage() {
  return (
    <main className="shell">
      <div className="topbar">
        <IntentLink href="/" className="brand">
          Residual
        </IntentLink>
      </div>
      <AuthForm mode="sign-up" />
      <p className="muted small">
        Already have an account? <IntentLink href="/sign-in">Sign in</IntentLink>.
      </p>
    </main>
  );
}
