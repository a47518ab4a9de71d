// /offline — what the service worker shows for a page asked for without a
// connection (precached at install). The review opens offline on its own.
export const metadata = { title: "Offline · Residual" };

export default function OfflinePage() {
  return (
    <main className="shell">
      <section className="panel stack" data-testid="offline">
        <h1 style={{ margin: 0, fontSize: "1.6em" }}>You are offline</h1>
        <p className="muted" style={{ margin: 0 }}>
          This page needs a connection. Today's review still works: ratings wait on this phone and are saved when you are back online.
        </p>
        {/* A plain link: a full load lets the service worker serve the kept review page. */}
        <a href="/review" className="button primary block">
          Continue reviewing
        </a>
      </section>
    </main>
  );
}
