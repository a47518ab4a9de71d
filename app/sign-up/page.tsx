import Link from "next/link";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Create account · Residual" };

export default function SignUpPage() {
  return (
    <main className="shell">
      <div className="topbar">
        <Link href="/" className="brand">
          Residual
        </Link>
      </div>
      <AuthForm mode="sign-up" />
      <p className="muted small">
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </main>
  );
}
