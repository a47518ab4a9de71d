import Link from "next/link";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Sign in · Residual" };

export default function SignInPage() {
  return (
    <main className="shell">
      <div className="topbar">
        <Link href="/" className="brand">
          Residual
        </Link>
      </div>
      <AuthForm mode="sign-in" />
      <p className="muted small">
        No account yet? <Link href="/sign-up">Create one</Link>.
      </p>
    </main>
  );
}
