import { IntentLink } from "@/app/components/intent-link";
// The page for an exercise, drawing or lab address whose ?seed= is not a seed
// ("0x10", "1e3", "-1"): say so and offer a fresh variant, rather than
// silently showing other numbers than the link promised.
import type { z } from "zod";
import { quoteInput } from "@/lib/errors/quote-input";

type Props = { given: string | string[] | undefined; error: z.ZodError; freshHref: string; back: { href: string; label: string } };

export function SeedRefused({ given, error, freshHref, back }: Props) {
  const text = Array.isArray(given) ? given.join(",") : (given ?? "");
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href={back.href} className="brand">
          ‹ {back.label}
        </IntentLink>
      </div>
      <section className="panel stack" data-testid="seed-refused">
        <h1 style={{ margin: 0, fontSize: 21 }}>Not a seed</h1>
        <p style={{ margin: 0 }}>
          {quoteInput(text)} is not a seed: {error.issues[0]?.message ?? "a seed is a whole number"}.
        </p>
        <a className="button primary block" href={freshHref}>
          Open a fresh variant
        </a>
      </section>
    </main>
  );
}
