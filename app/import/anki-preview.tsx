// An Anki package's preview and result: what comes along (history, what was
// dropped), then one module preview per deck.
import { IntentLink } from "@/app/components/intent-link";
import type { ReactNode } from "react";
import type { AnkiImportResult } from "@/lib/imports/anki-import";
import { ImageCounts, NoticeList } from "./image-counts";
import { ImportPreviewView } from "./import-preview";

/** Cards an import would create, update, restore or archive, over every deck. */
export function ankiWillWrite(result: AnkiImportResult): number {
  return result.modules.reduce((sum, m) => sum + m.cards.created.total + m.cards.updated.total + m.cards.restored.total + m.cards.archived.total, 0);
}

export function AnkiPreviewView({ result, children }: { result: AnkiImportResult; children: ReactNode }) {
  return (
    <>
      <section className="panel stack" data-testid="anki-summary">
        <h2 style={{ margin: 0, fontSize: 18 }}>
          Anki package · {result.modules.length} deck{result.modules.length === 1 ? "" : "s"}
        </h2>
        <p style={{ margin: 0 }}>
          Review history: <strong>{result.history.reviews}</strong> reviews of <strong>{result.history.cards}</strong> cards, replayed through FSRS.
        </p>
        <ImageCounts images={result.images} committed={false} />
        <NoticeList notices={result.notices} />
        {children}
      </section>
      {result.modules.map((m) => (
        <ImportPreviewView key={m.module.slug} result={m}>
          {null}
        </ImportPreviewView>
      ))}
    </>
  );
}

export function AnkiDone({ result }: { result: AnkiImportResult }) {
  return (
    <section className="panel stack" data-testid="import-done">
      <h2 style={{ margin: 0, fontSize: 20 }}>
        Imported {result.modules.length} deck{result.modules.length === 1 ? "" : "s"}
      </h2>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {result.modules.map((m) => (
          <li key={m.module.slug}>
            <IntentLink href={`/cards?module=${m.module.slug}`}>{m.module.title}</IntentLink>: {m.cards.created.total} new, {m.cards.updated.total} updated
          </li>
        ))}
      </ul>
      <p className="muted small" style={{ margin: 0 }}>
        {result.written
          ? `${result.written.reviews} reviews of ${result.written.cards} cards were added to your history; ${result.written.images} images were stored.`
          : ""}
      </p>
      <IntentLink href="/review" className="button primary block" data-testid="import-review">
        Start reviewing
      </IntentLink>
      <IntentLink href="/library" className="button block">
        Your library
      </IntentLink>
    </section>
  );
}
