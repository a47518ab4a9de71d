// The one place the app puts an HTML string into the page. Every string shown
// here is made by lib/render (markdown + KaTeX, with authored raw HTML escaped
// and only safe links and the app's own images kept; on the server, or in the
// card editor's preview by the same code) or is an SVG from the exercise code.
type RenderedHtmlProps = {
  html: string;
  as?: "div" | "span" | "li";
  className?: string;
  "data-testid"?: string;
};

export function RenderedHtml({ html, as: Tag = "div", ...rest }: RenderedHtmlProps) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the html is lib/render's output (see above), never raw user text.
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}
