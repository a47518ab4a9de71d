"use client";
// The app's link. next/link fetches every link's page as soon as the link is
// on screen: ten on the overview, fifty in a card list, each decoded on the
// main thread while the page is still starting (most of the overview's
// blocking time on a slow phone) and paid for in a phone's data. Here a page
// is fetched only on a sign of intent (a touch, the pointer over it, keyboard
// focus), which on a phone still starts the fetch before the tap ends.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & { href: string };

export function IntentLink({ href, onTouchStart, onMouseEnter, onFocus, ...rest }: Props) {
  const router = useRouter();
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onTouchStart={(event) => {
        router.prefetch(href);
        onTouchStart?.(event);
      }}
      onMouseEnter={(event) => {
        router.prefetch(href);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        router.prefetch(href);
        onFocus?.(event);
      }}
    />
  );
}
