// The bar atop each signed-in page: the brand (or a back link on a page one
// level down) on the left; a few nav links, or page-specific content, on the right.
import { IntentLink } from "@/app/components/intent-link";
import type { ReactNode } from "react";

export type TopBarLink = { href: string; label: string };

type Props = {
  /** Where "‹ label" leads; without it the brand links home. */
  back?: TopBarLink;
  links?: readonly TopBarLink[];
  /** Shown on the right instead of `links` (an email, a difficulty pill). */
  children?: ReactNode;
};

/** One top bar for every page, so the brand, back link and nav look and behave the same everywhere. */
export function TopBar({ back, links, children }: Props) {
  return (
    <div className="topbar">
      <IntentLink href={back?.href ?? "/"} className="brand">
        {back ? `‹ ${back.label}` : "Residual"}
      </IntentLink>
      {links ? (
        <nav className="nav">
          {links.map((link) => (
            <IntentLink key={link.href} href={link.href}>
              {link.label}
            </IntentLink>
          ))}
        </nav>
      ) : (
        children
      )}
    </div>
  );
}

/** The nav of the study pages (grill, readiness): back to the daily work. */
export const STUDY_LINKS: readonly TopBarLink[] = [
  { href: "/review", label: "Review" },
  { href: "/cards", label: "Cards" },
  { href: "/exercises", label: "Exercises" },
];
